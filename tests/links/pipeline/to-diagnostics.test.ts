import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../src/lint/apply-edits.js';
import { collectLinks } from '../../../src/links/collect.js';
import { extractLinks } from '../../../src/links/extract.js';
import { linkDiagnostics } from '../../../src/links/to-diagnostics.js';
import type { LinkResult } from '../../../src/links/types.js';
import { linksConfig, refsIn } from './helpers.js';

const markdown = [
  '- [A](http://a.example/x) - Upgrade.',
  '- [B](https://old.example/p#sec) - Moved.',
  '- [C](https://c.example/) - Dead.',
  '- [D](https://d.example/) - Temporary.',
  '- [E](https://e.example/) - Slow.',
].join('\n');

function resultsFor(verdicts: Record<string, Partial<LinkResult>>): LinkResult[] {
  const { targets } = collectLinks(extractLinks([{ file: 'list.md', links: refsIn(markdown) }]), []);
  return targets
    .filter((t) => t.url in verdicts)
    .map((t) => ({ url: t.url, verdict: 'ok', attempts: 1, durationMs: 1, fromCache: false, occurrences: t.occurrences, ...verdicts[t.url] }));
}

const verdicts: Record<string, Partial<LinkResult>> = {
  'http://a.example/x': { verdict: 'redirect', permanent: true, finalUrl: 'https://a.example/x', redirects: [{ url: 'http://a.example/x', status: 301 }] },
  'https://old.example/p': {
    verdict: 'redirect',
    permanent: true,
    finalUrl: 'https://new.example/q',
    redirects: [
      { url: 'https://old.example/p', status: 301 },
      { url: 'https://mid.example/p', status: 308 },
    ],
  },
  'https://c.example/': { verdict: 'dead', status: 404, failedRuns: 2 },
  'https://d.example/': { verdict: 'redirect', permanent: false, finalUrl: 'https://d.example/login', redirects: [{ url: 'https://d.example/', status: 302 }] },
  'https://e.example/': { verdict: 'timeout', reason: 'no response in 20000 ms' },
};

describe('linkDiagnostics', () => {
  const diagnostics = linkDiagnostics(resultsFor(verdicts), { config: linksConfig(), isConfirming: false });
  const byUrl = (url: string) => diagnostics.filter((d) => d.url === url);

  it('writes one diagnostic per occurrence with the configured severity and message', () => {
    expect(byUrl('https://c.example/')).toMatchObject([{ ruleId: 'link-dead', severity: 'error', message: '`https://c.example/` is dead (404 Not Found)', file: 'list.md' }]);
    expect(byUrl('https://c.example/')[0]!.start.line).toBe(3);
    expect(byUrl('https://e.example/')).toMatchObject([{ ruleId: 'link-timeout', severity: 'warning', message: '`https://e.example/` timed out (no response in 20000 ms)' }]);
    expect(byUrl('https://old.example/p')).toMatchObject([
      { ruleId: 'link-redirect', severity: 'warning', message: '`https://old.example/p` redirects permanently to `https://new.example/q` (2 hops)', expected: ['https://new.example/q'] },
    ]);
  });

  it('leaves temporary redirects off by default and reports them when asked', () => {
    expect(byUrl('https://d.example/')).toEqual([]);
    const on = linkDiagnostics(resultsFor(verdicts), { config: linksConfig(), rules: { 'link-redirect': { severity: 'warn', options: { permanent: true, temporary: true } } }, isConfirming: false });
    expect(on.filter((d) => d.url === 'https://d.example/')).toMatchObject([{ messageId: 'temporary', message: '`https://d.example/` redirects temporarily to `https://d.example/login`' }]);
    expect(on.find((d) => d.url === 'https://d.example/')?.fix).toBeUndefined();
  });

  it('takes each link rule\'s severity from its setting, and silences rules set off', () => {
    const rules = { 'link-redirect': { severity: 'off' as const, options: {} }, 'link-dead': { severity: 'off' as const, options: {} }, 'link-timeout': { severity: 'error' as const, options: {} } };
    const quiet = linkDiagnostics(resultsFor(verdicts), { config: linksConfig(), rules, isConfirming: false });
    expect(quiet.map((d) => [d.ruleId, d.severity])).toEqual([['link-timeout', 'error']]);
  });

  it('reports only the redirect kinds link-redirect\'s options ask for', () => {
    const rules = { 'link-redirect': { severity: 'error' as const, options: { permanent: false, temporary: true } } };
    const found = linkDiagnostics(resultsFor(verdicts), { config: linksConfig(), rules, isConfirming: false }).filter((d) => d.ruleId === 'link-redirect');
    expect(found.map((d) => [d.url, d.messageId, d.severity])).toEqual([['https://d.example/', 'temporary', 'error']]);
  });

  it('fixes permanent redirects: scheme-only for http→https, whole URL (keeping the fragment) otherwise', () => {
    expect(byUrl('http://a.example/x')[0]!.fix).toEqual([{ start: markdown.indexOf('http://a'), end: markdown.indexOf('http://a') + 4, text: 'https' }]);
    const fixes = diagnostics.flatMap((d) => (d.fix ? [d.fix] : []));
    expect(applyEdits(markdown, fixes).text.split('\n').slice(0, 2)).toEqual(['- [A](https://a.example/x) - Upgrade.', '- [B](https://new.example/q#sec) - Moved.']);
  });

  it('offers no fix when the written text is not the checked URL', () => {
    const [result] = resultsFor({ 'https://old.example/p': verdicts['https://old.example/p']! });
    result!.occurrences = result!.occurrences.map((o) => ({ ...o, urlEnd: o.urlEnd! + 3 }));
    const [diagnostic] = linkDiagnostics([result!], { config: linksConfig(), isConfirming: false });
    expect(diagnostic?.fix).toBeUndefined();
  });

  it('reports unconfirmed failures as warnings saying how many runs remain', () => {
    const results = resultsFor({ 'https://c.example/': { verdict: 'dead', status: 410, failedRuns: 1 } });
    expect(linkDiagnostics(results, { config: linksConfig(), isConfirming: true })).toMatchObject([
      { severity: 'warning', message: '`https://c.example/` is dead (410 Gone); failed 1 of 2 runs needed to confirm' },
    ]);
    results[0]!.failedRuns = 2;
    expect(linkDiagnostics(results, { config: linksConfig(), isConfirming: true })).toMatchObject([{ severity: 'error', message: '`https://c.example/` is dead (410 Gone)' }]);
  });

  it('needs no confirmation for failures without a run count (a malformed URL)', () => {
    const results = resultsFor({ 'https://e.example/': { verdict: 'error', reason: 'malformed URL' } });
    expect(linkDiagnostics(results, { config: linksConfig(), isConfirming: true })).toMatchObject([{ severity: 'error', message: '`https://e.example/` failed (malformed URL)' }]);
  });

  it('reports archived repositories and errors with their reason', () => {
    const results = resultsFor({ 'https://c.example/': { verdict: 'ok', archived: true }, 'https://e.example/': { verdict: 'error', reason: 'ENOTFOUND' } });
    expect(linkDiagnostics(results, { config: linksConfig(), isConfirming: false }).map((d) => [d.ruleId, d.severity, d.message])).toEqual([
      ['link-archived', 'warning', '`https://c.example/` is an archived repository'],
      ['link-error', 'error', '`https://e.example/` failed (ENOTFOUND)'],
    ]);
  });
});
