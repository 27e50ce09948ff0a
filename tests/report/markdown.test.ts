import { describe, expect, it } from 'vitest';
import { escapeCell, markdown } from '../../src/report/markdown.js';
import { cleanReport, fixtureReport } from './fixture.js';

describe('markdown reporter', () => {
  it('writes a summary table, problems per file and redirects', async () => {
    const out = markdown(fixtureReport(), { color: false });
    await expect(out).toMatchFileSnapshot('./__snapshots__/markdown.md');
    expect(out).toContain('| Errors | 2 |\n| Warnings | 1 |');
    expect(out).toContain('| Links: redirect | 1 |\n| Links: dead | 1 |');
    expect(out).toContain('### `lists/data, science.md`');
    expect(out).toContain('| 3:15 | error | `link-dead` | Dead link `https://example.com/gone` (404): a\\|b<br>second line, 100% sure |');
    expect(out).toContain('## Redirects\n\n| URL | Final URL | Kind |\n| --- | --- | --- |\n| http://example.com/old | https://example.com/new | permanent |');
    expect(out.indexOf('5:28')).toBeLessThan(out.indexOf('12:10'));
  });

  it('escapes pipes and line breaks in cells', () => {
    expect(escapeCell('a | b\r\nc\nd')).toBe('a \\| b<br>c<br>d');
  });

  it('says so when nothing was found, and warns when the network was down', () => {
    const out = markdown({ ...cleanReport(), networkDown: true }, { color: false });
    expect(out).toContain('No problems found.');
    expect(out).toContain('> [!WARNING]');
    expect(out).not.toContain('## Problems');
    expect(out).not.toContain('## Redirects');
  });
});
