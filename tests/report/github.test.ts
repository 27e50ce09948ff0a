import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, github } from '../../src/report/github.js';
import { cleanReport, fixtureReport } from './fixture.js';

describe('github reporter', () => {
  it('escapes data and properties like the Actions toolkit', () => {
    expect(escapeData('100% a\r\nb: c, d')).toBe('100%25 a%0D%0Ab: c, d');
    expect(escapeProperty('100% a\r\nb: c, d')).toBe('100%25 a%0D%0Ab%3A c%2C d');
  });

  it('writes one command per diagnostic, warnings as ::warning', () => {
    expect(github(fixtureReport(), { color: false }).split('\n')).toEqual([
      '::error file=lists/awesome-tools.md,line=5,col=28,endLine=5,endColumn=31,title=entry-separator::Unexpected en dash separator, expected ` - `',
      '::warning file=lists/awesome-tools.md,line=12,col=10,endLine=12,endColumn=17,title=heading-case::Unexpected `serving` in a title-case heading, expected `Serving`',
      '::error file=lists/data%2C science.md,line=3,col=15,endLine=3,endColumn=39,title=link-dead::Dead link `https://example.com/gone` (404): a|b%0Asecond line, 100%25 sure',
      '',
    ]);
  });

  it('prints nothing for a clean run and a warning when the network was down', () => {
    expect(github(cleanReport(), { color: false })).toBe('');
    expect(github({ ...cleanReport(), networkDown: true }, { color: false })).toBe(
      '::warning title=lint-lists::The network was unreachable: link verdicts from this run are not trustworthy\n',
    );
  });
});
