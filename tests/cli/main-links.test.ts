import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureIo } from '../../src/cli/io.js';
import type { LinksCommandInput, LinksCommandOutput } from '../../src/cli/commands/links.js';
import { main } from '../../src/cli/main.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { FAKE_RULES_MODULE } from '../lint/fixtures/fake-setup.js';
import { tempFolder } from '../lint/fixtures/temp.js';

/** A scripted link checker: `old.example` permanently redirects to `new.example`, `dead.example` is dead, `offline` means no network. */
async function fakeLinkChecker(input: LinksCommandInput): Promise<LinksCommandOutput> {
  const diagnostics: Diagnostic[] = [];
  let networkDown = false;
  for (const { file, links } of input.files) {
    for (const link of links) {
      if (link.url.includes('offline')) networkDown = true;
      if (link.url.startsWith('https://old.example/') && link.urlRange) {
        const { start, end } = link.urlRange;
        diagnostics.push({
          ruleId: 'link-redirect',
          severity: 'warning',
          message: 'Redirects',
          file,
          start: link.range.start,
          url: link.url,
          fix: [{ start: start.offset, end: end.offset, text: link.url.replace('old.example', 'new.example') }],
        });
      }
      if (link.url.startsWith('https://dead.example')) diagnostics.push({ ruleId: 'link-dead', severity: 'error', message: 'Dead', file, start: link.range.start, url: link.url });
    }
  }
  seen.push(input);
  return { diagnostics, results: [], networkDown };
}

const seen: LinksCommandInput[] = [];

async function run(cwd: string, argv: string[]) {
  const io = captureIo({ cwd });
  const code = await main([...argv, '-f', 'json'], io, { rulesModule: FAKE_RULES_MODULE, workers: 0, linkChecker: fakeLinkChecker });
  const stdout = io.out.join('');
  return { code, stderr: io.err.join(''), report: JSON.parse(stdout.slice(stdout.indexOf('{'))) as { files: Array<{ file: string; diagnostics: Diagnostic[] }>; networkDown?: boolean } };
}

function write(cwd: string, file: string, content: string): void {
  mkdirSync(path.dirname(path.join(cwd, file)), { recursive: true });
  writeFileSync(path.join(cwd, file), content);
}

const ids = (report: Awaited<ReturnType<typeof run>>['report']) => report.files.flatMap((f) => f.diagnostics.map((d) => `${d.start.line} ${d.ruleId}`));

describe('link checking from the CLI', () => {
  it('`links` reports link problems only; --links adds them to lint problems', async () => {
    const cwd = tempFolder();
    write(cwd, 'lists/a.md', '# A\n\n- [Dead](https://dead.example/x)\tTODO\n');
    const linksOnly = await run(cwd, ['links', 'lists']);
    expect(ids(linksOnly.report)).toEqual(['3 link-dead']);
    expect(linksOnly.code).toBe(1);
    expect(seen.at(-1)!.files[0]!.links.map((l) => l.url)).toEqual(['https://dead.example/x']);
    const both = await run(cwd, ['lists', '--links']);
    expect(ids(both.report)).toEqual(['3 link-dead', '3 fake-tab', '3 fake-todo']);
  });

  it('passes the link flags through', async () => {
    const cwd = tempFolder();
    write(cwd, 'lists/a.md', '# A\n');
    await run(cwd, ['links', 'lists', '--changed-since', 'main', '--shard', '2/4', '--no-cache', '--allow-private', '127.0.0.1', '--allow-private', '10.0.0.0/8', '-q']);
    expect(seen.at(-1)!.argv).toEqual({ fix: false, quiet: true, changedSince: 'main', shard: '2/4', cache: false, allowPrivate: ['127.0.0.1', '10.0.0.0/8'] });
  });

  it('--allow-private takes one value, so the command and paths after it stay what they are', async () => {
    const cwd = tempFolder();
    write(cwd, 'README.md', '# Readme\n\n- [Dead](https://dead.example/readme)\n');
    write(cwd, 'docs/a.md', '# A\n\n- [Dead](https://dead.example/a)\n');
    const { report } = await run(cwd, ['--allow-private', '127.0.0.1', 'links', 'docs/a.md']);
    expect(report.files.map((f) => f.file)).toEqual(['docs/a.md']);
    expect(seen.at(-1)!.argv.allowPrivate).toEqual(['127.0.0.1']);
    // Globs after `--` (as the action passes its `paths` input) go through the same resolver.
    const io = captureIo({ cwd });
    await main(['links', '-f', 'json', '--', 'docs/*.md', '*.md'], io, { rulesModule: FAKE_RULES_MODULE, workers: 0, linkChecker: fakeLinkChecker });
    expect((JSON.parse(io.out.join('')) as { files: Array<{ file: string }> }).files.map((f) => f.file)).toEqual(['README.md', 'docs/a.md']);
  });

  it('disable comments apply to link problems', async () => {
    const cwd = tempFolder();
    write(cwd, 'lists/a.md', '# A\n\n<!-- lint-lists-disable-next-line link-dead -->\n- [Dead](https://dead.example/x)\n- [Dead](https://dead.example/y)\n');
    expect(ids((await run(cwd, ['links', 'lists'])).report)).toEqual(['5 link-dead']);
  });

  it('--fix rewrites permanent redirects together with lint fixes; --fix-dry-run only diffs', async () => {
    const cwd = tempFolder();
    const original = '# A\r\n\r\n- [Old](https://old.example/page)\tx\r\n';
    write(cwd, 'lists/a.md', original);
    const dry = captureIo({ cwd });
    expect(await main(['lists', '--links', '--fix-dry-run'], dry, { rulesModule: FAKE_RULES_MODULE, workers: 0, linkChecker: fakeLinkChecker })).toBe(0);
    expect(dry.out.join('')).toContain('+- [Old](https://new.example/page) x\r\n');
    expect(readFileSync(path.join(cwd, 'lists/a.md'), 'utf8')).toBe(original);
    const fixed = await run(cwd, ['lists', '--links', '--fix']);
    expect(readFileSync(path.join(cwd, 'lists/a.md'), 'utf8')).toBe('# A\r\n\r\n- [Old](https://new.example/page) x\r\n');
    expect(ids(fixed.report)).toEqual([]);
    expect(fixed.code).toBe(0);
  });

  it('exits 3 when the network is down', async () => {
    const cwd = tempFolder();
    write(cwd, 'lists/a.md', '# A\n\n- [X](https://offline.example/)\n');
    const { code, report } = await run(cwd, ['links', 'lists']);
    expect(code).toBe(3);
    expect(report.networkDown).toBe(true);
  });
});

describe('link rule ids from the CLI', () => {
  it('--rule link-dead:off sets the link rule like any rule; a typo is a usage error', async () => {
    const cwd = tempFolder();
    write(cwd, 'lists/a.md', '# A\n');
    await run(cwd, ['links', 'lists', '--rule', 'link-dead:off']);
    expect(seen.at(-1)!.config.linkRules['link-dead']).toEqual({ severity: 'off', options: {} });
    expect(seen.at(-1)!.config.linkRules['link-timeout']).toEqual({ severity: 'warn', options: {} });
    const io = captureIo({ cwd });
    expect(await main(['links', '--rule', 'link-daed:off'], io, { rulesModule: FAKE_RULES_MODULE, workers: 0, linkChecker: fakeLinkChecker })).toBe(2);
    expect(io.err.join('')).toContain('unknown rule "link-daed" (did you mean "link-dead"?)');
  });

  it('a disable comment naming a link rule that does not exist is reported', async () => {
    const cwd = tempFolder();
    write(cwd, 'lists/a.md', '# A\n\n<!-- lint-lists-disable-next-line link-daed -->\n- [Dead](https://dead.example/x)\n');
    expect(ids((await run(cwd, ['lists', '--links'])).report)).toEqual(['3 lint-directive', '4 link-dead']);
  });

  it('the report describes the link rules (SARIF takes its rule table from it)', async () => {
    const cwd = tempFolder();
    write(cwd, 'lists/a.md', '# A\n');
    const { report } = await run(cwd, ['links', 'lists']);
    const rules = (report as unknown as { rules: Array<{ id: string; description: string; fixable: boolean }> }).rules;
    expect(rules.find((r) => r.id === 'link-redirect')).toMatchObject({ fixable: true, description: expect.stringContaining('final address') });
    expect(rules.filter((r) => r.id.startsWith('link-') && ['dead', 'error', 'timeout', 'redirect', 'unverifiable', 'archived'].includes(r.id.slice(5)))).toHaveLength(6);
  });
});
