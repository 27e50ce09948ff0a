// The report issue's text: hostile outside strings stay inert, bodies and comments stay under GitHub's limit, the trend chart.
import type { Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { GITHUB_BODY_LIMIT, REPORT_MARKER, renderChangeComment, renderClosingComment, renderIssueBody } from '../../src/github/issue-body.js';
import { inertCode } from '../../src/github/inert.js';
import { readState, renderState, type HistoryPoint } from '../../src/github/issue-state.js';
import { diffFindings, findingsFromReport } from '../../src/github/report-state.js';
import { renderTrendChart } from '../../src/github/trend-chart.js';
import { report, result } from './report-fixtures.js';

const RUN_URL = 'https://github.com/octo/list/actions/runs/7';
const context = { date: '2026-11-22', runUrl: RUN_URL };
const today: HistoryPoint = { date: '2026-11-22', broken: 1, added: 1, fixed: 0, unconfirmed: 0, redirects: 0 };

const HOSTILE_URLS = [
  'https://x.example/``` @octocat <img src=x onerror=alert(1)> [click](https://evil.example) ![i](https://evil.example/i.png) #123 `',
  'https://x.example/a|b\\|c||@pipes',
  'https://x.example/\n\n# Heading\n@everyone\r\n| a | b |',
  'https://x.example/@\u200Dmention\u202Ereversed',
  'https://x.example/--><img src=x>@team-->',
  '`https://x.example/starts-with-backtick',
  'https://x.example/<details><summary>@hidden</summary></details> www.evil.example octo/list#5',
];
const HOSTILE_CAUSE = 'ECONNRESET <script>alert(1)</script> @admin [x](https://evil.example)';
const HOSTILE_PLACE_LINE = 7;

function parse(markdown: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(markdown);
}

function walk(node: Nodes, visit: (node: Nodes) => void): void {
  visit(node);
  if ('children' in node) for (const child of node.children) walk(child as Nodes, visit);
}

/** Everything GitHub would render live: links, images, HTML, and plain text (where mentions and #refs come alive). */
function liveParts(markdown: string): { links: string[]; images: number; html: string[]; text: string[]; code: string[] } {
  const parts = { links: [] as string[], images: 0, html: [] as string[], text: [] as string[], code: [] as string[] };
  walk(parse(markdown), (node) => {
    if (node.type === 'link') parts.links.push(node.url);
    else if (node.type === 'image' || node.type === 'imageReference' || node.type === 'linkReference' || node.type === 'definition') parts.images++;
    else if (node.type === 'html') parts.html.push(node.value);
    else if (node.type === 'text') parts.text.push(node.value);
    else if (node.type === 'inlineCode') parts.code.push(node.value);
  });
  return parts;
}

function expectInert(markdown: string, allowedLinks: string[]): void {
  const parts = liveParts(markdown);
  expect(parts.images).toBe(0);
  expect(parts.links.filter((url) => !allowedLinks.includes(url))).toEqual([]);
  for (const html of parts.html) {
    const isOurs = html === REPORT_MARKER || html === '<br>' || html === '<sub>' || html === '</sub>' || /^<!-- lint-lists-state [^>]*-->$/.test(html);
    expect(isOurs, html).toBe(true);
  }
  for (const text of parts.text) {
    expect(text, 'a mention outside code').not.toMatch(/@\w/);
    expect(text, 'an issue reference outside code').not.toMatch(/#\d/);
    expect(text).not.toMatch(/evil|<script|onerror/);
  }
}

describe('inert outside text', () => {
  const findings = findingsFromReport(
    report([
      ...HOSTILE_URLS.map((url, i) => result(url, i % 2 ? 'dead' : 'error', { status: 404, reason: HOSTILE_CAUSE, failedRuns: 3 }, HOSTILE_PLACE_LINE)),
      result('https://moved.example/', 'redirect', { finalUrl: 'https://evil.example/<b>@here</b>|x', permanent: true }),
    ]),
    2,
  );
  findings.broken[0]!.places = ['lists/@evil|x `code`.md:7'];
  const diff = diffFindings({ urls: ['https://fixed.example/@fixed<img src=x>', ...HOSTILE_URLS.slice(0, 2)], hashes: [] }, findings);

  it('renders hostile URLs, causes, places and redirect targets inside code spans that hold them whole', () => {
    const body = renderIssueBody(findings, diff, [today], context);
    expectInert(body, [RUN_URL]);
    const code = liveParts(body).code;
    // Every hostile URL survives as one code span (no cell split, no fence broken), line breaks made visible. A
    // backslash right before a pipe shows doubled: the price of a cell that no parser can split there.
    const shown = (url: string) =>
      url
        .replace(/[\n\r\u200D\u202E]/g, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`)
        .replace(/(\\+)\|/g, (_, slashes: string) => `${slashes}${slashes}|`);
    for (const url of HOSTILE_URLS) expect(code).toContain(shown(url));
    expect(code).toContain('https://evil.example/<b>@here</b>|x');
    expect(code).toContain('lists/@evil|x `code`.md:7');
  });

  it('keeps the hidden state inside its comment whatever the URLs hold, and reads them back', () => {
    const body = renderIssueBody(findings, diff, [today], context);
    const stateLine = body.split('\n').find((line) => line.startsWith('<!-- lint-lists-state '));
    expect(stateLine).toMatch(/^<!-- lint-lists-state [^<>]* -->$/);
    expect(readState(body).urls.sort()).toEqual(findings.broken.map((l) => l.url).sort());
  });

  it('renders the change and closing comments inert too', () => {
    const comment = renderChangeComment(diff, context)!;
    expect(comment).toContain('newly broken');
    expectInert(comment, [RUN_URL]);
    expectInert(renderClosingComment(diff, context), []);
  });

  it('uses a fence longer than any backtick run and pads text that starts or ends with a backtick', () => {
    expect(inertCode('a```b`')).toBe('```` a```b` ````');
    expect(inertCode('plain')).toBe('`plain`');
    expect(inertCode('')).toBe('(empty)');
    expect(inertCode('x'.repeat(1000))).toHaveLength(2 + 300);
  });

  it('links the run only when its URL is a plain http(s) URL', () => {
    const body = renderIssueBody(findings, diff, [today], { date: '2026-11-22', runUrl: 'javascript:alert(1)' });
    expect(liveParts(body).links).toEqual([]);
  });
});

describe('size', () => {
  const many = (count: number, prefix: string) =>
    Array.from({ length: count }, (_, i) =>
      result(`https://site-${i}.example/${prefix}/${'segment/'.repeat(20)}${i}`, i % 3 ? 'dead' : 'timeout', {
        status: 404,
        reason: 'timeout',
        failedRuns: 3,
        occurrences: Array.from({ length: 6 }, (_, k) => ({ file: `lists/section-${k}.md`, start: { line: i + 1, column: 3, offset: 0 }, end: { line: i + 1, column: 9, offset: 6 }, written: '' })),
      }),
    );

  it.each([400, 5000])('keeps body and comment under 65,536 characters with %i broken links, newest and dead first', (count) => {
    const findings = findingsFromReport(report(many(count, 'new')), 2);
    const previousUrls = many(count, 'old').map((l) => l.url);
    const diff = diffFindings({ urls: previousUrls, hashes: [] }, findings);
    const body = renderIssueBody(findings, diff, [today], context);
    const comment = renderChangeComment(diff, context)!;
    for (const text of [body, comment]) {
      expect(text.length).toBeLessThan(GITHUB_BODY_LIMIT);
      expect(Buffer.byteLength(text)).toBeLessThan(GITHUB_BODY_LIMIT);
    }
    expect(body).toContain(`**${count} confirmed broken** · ${count} new · 0 still broken · ${count} fixed`);
    // The new dead links come first; what did not fit is counted, with a pointer to the full report.
    const firstRow = body.split('\n').find((line) => line.startsWith('| `'));
    expect(firstRow).toContain('| dead (`404`) |');
    expect(body).toMatch(/_…and \d+ more new broken links: see the full report\._/);
    expect(body).toMatch(/_…and \d+ more fixed links: see the full report\._/);
    expect(body).toContain(`[this workflow run](<${RUN_URL}>)`);
    expect(comment).toMatch(/_…and \d+ more newly broken links: see the full report\._/);
  });

  it('remembers every broken link across runs even when the URLs are too many to keep in the body', () => {
    const findings = findingsFromReport(report(many(400, 'kept')), 2);
    const first = renderIssueBody(findings, diffFindings({ urls: [], hashes: [] }, findings), [today], context);
    const state = readState(first);
    expect(state.urls).toEqual([]);
    expect(state.hashes).toHaveLength(400);
    const second = diffFindings(state, findingsFromReport(report(many(399, 'kept')), 2));
    expect([second.added.length, second.still.length, second.fixed.length, second.fixedUnnamed]).toEqual([0, 399, 0, 1]);
  });
});

describe('trend chart', () => {
  it('draws the last runs as a Mermaid xychart in the body', () => {
    const history: HistoryPoint[] = [
      { date: '2026-11-08', broken: 4, added: 4, fixed: 0, unconfirmed: 2, redirects: 1 },
      { date: '2026-11-15', broken: 6, added: 2, fixed: 0, unconfirmed: 1, redirects: 1 },
      today,
    ];
    const findings = findingsFromReport(report([result('https://dead.example/', 'dead', { status: 404, failedRuns: 2 })]), 2);
    const body = renderIssueBody(findings, diffFindings({ urls: [], hashes: [] }, findings), history, context);
    expect(body).toContain(
      ['```mermaid', 'xychart-beta', '    title "Broken links, last 3 runs"', '    x-axis ["11-08", "11-15", "11-22"]', '    y-axis "Links" 0 --> 6', '    bar [4, 6, 1]', '    line [2, 1, 0]', '```'].join('\n'),
    );
    expect(readState(body).history).toEqual(history);
  });

  it('numbers two runs on one day and draws nothing without history', () => {
    expect(renderTrendChart([today, today]).join('\n')).toContain('x-axis ["11-22", "11-22 (2)"]');
    expect(renderTrendChart([])).toEqual([]);
  });

  it('drops history entries that are not plain dates and counts, so nothing foreign reaches the diagram', () => {
    const forged = `<!-- lint-lists-state ${JSON.stringify({ broken: [], history: [{ ...today, date: '"]\nclick x "https://evil"' }, { ...today, broken: -1 }, { ...today, extra: '@x' }] })} -->`;
    expect(readState(forged).history).toEqual([today]);
  });

  it('keeps the last 12 runs', () => {
    const history = Array.from({ length: 15 }, (_, i) => ({ ...today, broken: i }));
    const state = readState(renderState([], history));
    expect(state.history.map((p) => p.broken)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
  });
});
