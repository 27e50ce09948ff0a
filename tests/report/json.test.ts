import { describe, expect, it } from 'vitest';
import { json } from '../../src/report/json.js';
import { REPORT_FORMAT_VERSION } from '../../src/report/types.js';
import { fixtureReport } from './fixture.js';

describe('json reporter', () => {
  it('writes the whole report, version first, keys in a fixed order', async () => {
    const report = fixtureReport();
    const out = json(report, { color: false });
    await expect(out).toMatchFileSnapshot('./__snapshots__/json.json');
    expect(out.startsWith(`{\n  "version": ${REPORT_FORMAT_VERSION},\n  "tool": `)).toBe(true);
    const parsed = JSON.parse(out) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['version', 'tool', 'cwd', 'summary', 'files', 'links', 'rules']);
    expect(parsed).toEqual(JSON.parse(JSON.stringify(report)));
  });

  it('keeps networkDown and leaves links out when they were not checked', () => {
    const { links: _links, ...report } = fixtureReport();
    const parsed = JSON.parse(json({ ...report, networkDown: true }, { color: false })) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['version', 'tool', 'cwd', 'summary', 'files', 'networkDown', 'rules']);
  });
});
