import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { checkDirectiveIds, filterDiagnostics, parseDirectives } from '../../src/lint/directives.js';
import { computeLineStarts, positionAt } from '../../src/markdown/positions.js';

function directivesOf(text: string) {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(text);
  return parseDirectives(text, tree, { lineStarts: computeLineStarts(text) });
}

/** One diagnostic of `ruleId` at the start of each given 1-based line. */
function at(text: string, ruleId: string, ...lines: number[]): Diagnostic[] {
  const index = { lineStarts: computeLineStarts(text) };
  return lines.map((line) => ({ ruleId, severity: 'error', message: 'x', file: 'a.md', start: positionAt(index, index.lineStarts[line - 1]!) }));
}

const linesOf = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.ruleId}@${d.start.line}`);

describe('disable comments', () => {
  it('disable-line and disable-next-line, with and without rule ids', () => {
    const text = ['- a <!-- lint-lists-disable-line rule-a -->', '<!-- lint-lists-disable-next-line -->', '- b', '- c'].join('\n');
    const set = directivesOf(text);
    const found = [...at(text, 'rule-a', 1, 3, 4), ...at(text, 'rule-b', 1, 3, 4)];
    expect(linesOf(filterDiagnostics(set, found))).toEqual(['rule-a@4', 'rule-b@1', 'rule-b@4']);
  });

  it('regions: disable … enable, for all rules or named ones; enable one rule inside a disable-all', () => {
    const text = [
      '- 1',
      '<!-- lint-lists-disable -->',
      '- 3',
      '<!-- lint-lists-enable rule-b -->',
      '- 5',
      '<!-- lint-lists-enable -->',
      '- 7',
      '<!-- lint-lists-disable rule-a, rule-b -->',
      '- 9',
    ].join('\n');
    const set = directivesOf(text);
    const found = [...at(text, 'rule-a', 1, 3, 5, 7, 9), ...at(text, 'rule-b', 1, 3, 5, 7, 9), ...at(text, 'rule-c', 9)];
    expect(linesOf(filterDiagnostics(set, found))).toEqual(['rule-a@1', 'rule-a@7', 'rule-b@1', 'rule-b@5', 'rule-b@7', 'rule-c@9']);
  });

  it('disable-file switches a rule off everywhere, even above the comment; a reason after -- is not an id', () => {
    const text = ['- 1', '', '<!-- lint-lists-disable-file rule-a -- the list predates this rule -->'].join('\n');
    const set = directivesOf(text);
    expect(set.directives[0]!.ruleIds).toEqual(['rule-a']);
    expect(linesOf(filterDiagnostics(set, [...at(text, 'rule-a', 1), ...at(text, 'rule-b', 1)]))).toEqual(['rule-b@1']);
  });

  it('ignores comments inside code blocks and other comments', () => {
    const text = ['```', '<!-- lint-lists-disable-file -->', '```', '<!-- just a note -->', '`<!-- lint-lists-disable-file -->`'].join('\n');
    expect(directivesOf(text).directives).toEqual([]);
  });

  it('warns about unknown rule ids, once per id', () => {
    const text = '<!-- lint-lists-disable-next-line rule-a, rule-typo -->\n- x\n';
    const set = directivesOf(text);
    const warnings = checkDirectiveIds('a.md', set, (id) => id === 'rule-a');
    expect(warnings).toMatchObject([{ ruleId: 'lint-directive', severity: 'warning', messageId: 'unknown-rule', start: { line: 1, column: 1 }, actual: 'rule-typo' }]);
    expect(warnings[0]!.message).toBe('Unknown rule `rule-typo` in `lint-lists-disable-next-line` comment');
  });

  it('filters 100,000 diagnostics against 2,000 comments, each id named once', () => {
    const lines: string[] = [];
    for (let i = 0; i < 2_000; i++) lines.push(`<!-- lint-lists-disable-next-line r${i} -->`, `text ${i}`, '');
    const text = lines.join('\n');
    const set = directivesOf(text);
    expect(set.directives.length).toBe(2_000);
    // 50 diagnostics per text line, each rule id named by one comment only.
    const index = { lineStarts: computeLineStarts(text) };
    const found: Diagnostic[] = Array.from({ length: 100_000 }, (_, i) => ({
      ruleId: `r${i % 2_000}`,
      severity: 'error',
      message: 'x',
      file: 'a.md',
      start: positionAt(index, index.lineStarts[3 * (i % 2_000) + 1]!),
    }));
    expect(filterDiagnostics(set, found).length).toBe(0);
    expect(filterDiagnostics(set, at(text, 'r1', 2)).length).toBe(1);
  });
});

describe("remark-lint comments (awesome-lint's)", () => {
  it('disable / enable map remark-lint names onto our rules', () => {
    const text = ['- 1', '<!--lint disable no-dead-urls double-link-->', '- 3', '<!-- lint enable double-link -->', '- 5', '<!--lint enable-->', '- 7'].join('\n');
    const set = directivesOf(text);
    const found = [...at(text, 'link-dead', 1, 3, 5, 7), ...at(text, 'link-duplicate', 1, 3, 5, 7), ...at(text, 'entry-bullet', 3)];
    expect(linesOf(filterDiagnostics(set, found))).toEqual(['link-dead@1', 'link-dead@7', 'link-duplicate@1', 'link-duplicate@5', 'link-duplicate@7', 'entry-bullet@3']);
  });

  it('ignore switches rules off for the next node only (a whole list), without names for every rule', () => {
    const text = ['<!--lint ignore awesome-list-item-->', '- a', '- b', '', 'Para', '', '<!--lint ignore-->', 'Other', '', 'Last'].join('\n');
    const set = directivesOf(text);
    const found = [...at(text, 'entry-separator', 2, 3, 5), ...at(text, 'heading-case', 2, 8, 10)];
    expect(linesOf(filterDiagnostics(set, found))).toEqual(['entry-separator@5', 'heading-case@2', 'heading-case@10']);
  });

  it('a comment naming only rules we do not have does nothing, and is not reported as unknown', () => {
    const text = ['<!--lint disable awesome-badge no-emphasis-as-heading-->', '- a'].join('\n');
    const set = directivesOf(text);
    expect(linesOf(filterDiagnostics(set, at(text, 'entry-separator', 2)))).toEqual(['entry-separator@2']);
    expect(checkDirectiveIds('a.md', set, () => false)).toEqual([]);
  });

  it('our own comments still check their rule ids exactly', () => {
    const text = '<!-- lint-lists-disable no-dead-urls -->\n- a\n';
    expect(checkDirectiveIds('a.md', directivesOf(text), (id) => id === 'link-dead').map((d) => d.actual)).toEqual(['no-dead-urls']);
  });

  it('accepts package-style names (remark-lint-final-newline)', () => {
    const text = '<!--lint disable remark-lint-final-newline-->\n- a\n';
    expect(filterDiagnostics(directivesOf(text), at(text, 'file-final-newline', 2))).toEqual([]);
  });
});
