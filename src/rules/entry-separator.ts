// entry-separator: the text between an entry's link and its inline description is the style's separator.
import * as z from 'zod';
import { defineRule } from './define-rule.js';
import { inlineDescription, isAttribution, isBlank, resourceEntries } from './utils/entries.js';
import { rangeOf } from '../markdown/positions.js';

/** Names a separator by its visible core, so the message says what was typed. */
function separatorKind(actual: string): string {
  const core = actual.trim();
  switch (core) {
    case '–':
      return 'en dash';
    case '—':
      return 'em dash';
    case '--':
      return 'double hyphen';
    case '-':
      return 'hyphen';
    case ':':
      return 'colon';
    case '：':
      return 'full-width colon';
    case '|':
      return 'pipe';
    case ',':
      return 'comma';
    case '':
      return 'space';
    default:
      return 'separator';
  }
}

/** Shows a separator in a message; a lone space would vanish inside backticks, so it is named. */
function show(separator: string): string {
  return separator === ' ' ? '` `' : `\`${separator}\``;
}

/**
 * False where swapping the separator is no certain improvement: a full-width one belongs to CJK text, a pipe sets
 * off a title or a second part rather than a description, a comma may belong to a title that goes on after the
 * link ("[X support](url), IntelliJ and …"), and `-` before `>` is an arrow (`->`).
 */
function isSwappable(separator: string, next: string | undefined): boolean {
  return !/[\u3000-\u303f\uff00-\uffef|,]/.test(separator) && !(separator.trimEnd().endsWith('-') && next === '>');
}

/** Reports inline descriptions introduced by anything but the style's separator, and swaps it. */
export const entrySeparator = defineRule({
  id: 'entry-separator',
  description: "An entry's inline description is introduced by the separator of the style.",
  rationale:
    'A single separator makes the list scan evenly; en dashes, colons and hyphens without spaces creep in through copy and paste.',
  fixable: true,
  defaultSeverity: 'warn',
  options: z.object({}).strict(),
  messages: {
    unexpected: 'Unexpected {kind} separator {actual}, expected {expected}{evidence}',
    spacing: 'Unexpected spacing in separator {actual}, expected {expected}{evidence}',
    missing: 'Missing separator before the description, expected {expected}{evidence}',
  },
  examples: {
    valid: [
      { name: 'the default ` - `', markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds.\n' },
      {
        name: 'a colon house style',
        style: { entry: { description: { separator: ': ' } } },
        markdown: '# Tools\n\n- [Alpha](https://alpha.dev): Fast builds.\n',
      },
      {
        name: 'no separator when the style says null',
        style: { entry: { description: { separator: null, case: 'lower' } } },
        markdown: '# Tools\n\n- [Alpha](https://alpha.dev) is a fast build tool.\n',
      },
    ],
    invalid: [
      {
        name: 'en dash',
        markdown: '# Tools\n\n- [Alpha](https://alpha.dev) – Fast builds.\n',
        errors: [{ messageId: 'unexpected', line: 3, column: 29 }],
        output: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds.\n',
      },
      {
        name: 'hyphen without a space before it',
        markdown: '# Tools\n\n- [Alpha](https://alpha.dev)- Fast builds.\n',
        errors: [{ messageId: 'spacing', line: 3, column: 29 }],
        output: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds.\n',
      },
    ],
  },
  check(ctx) {
    const configured = ctx.style.entry.description.separator;
    if (configured === 'any') return;
    const expected = configured ?? ' ';
    const evidence = ctx.evidence('entry.description.separator');
    for (const entry of resourceEntries(ctx.doc)) {
      const description = inlineDescription(entry);
      if (!description || entry.kind !== 'list-item' || description.text.trim() === '') continue;
      const separator = entry.separator;
      if (separator) {
        if (separator.text === expected) continue;
        const isSameCore = separator.text.trim() === expected.trim();
        ctx.report({
          messageId: isSameCore ? 'spacing' : 'unexpected',
          at: separator.range,
          data: { kind: separatorKind(separator.text), actual: show(separator.text), expected: show(expected), evidence },
          // A full-width separator belongs to CJK text: a Latin ` - ` in its place is no improvement anyone can vouch for.
          fix: entry.inHtml || !isSwappable(separator.text, ctx.doc.text[separator.range.end.offset]) ? undefined : [{ start: separator.range.start.offset, end: separator.range.end.offset, text: expected }],
          actual: separator.text,
          expected: [expected],
        });
        continue;
      }
      if (configured === null) continue;
      // No separator: replace the blanks before the description (there may be none: `[A](u)Desc`).
      const text = ctx.doc.text;
      const end = description.range.start.offset;
      let start = end;
      while (start > 0 && isBlank(text[start - 1])) start--;
      // Text-only entries have no link to separate from; a description without a link is entry-shape's business.
      if (!entry.link || start === entry.line.range.start.offset) continue;
      // "[X](url) by Ada", "[X](url) for maps": the phrase goes on with the name, with no separator by design.
      if (isAttribution(entry)) continue;
      // No fix: where none was written the entry may be a sentence ("[X](url) is a …") or an attribution
      // ("[X](url) by Y"), and inserting a separator would change what it says.
      ctx.report({
        messageId: 'missing',
        at: rangeOf(ctx.doc, start, end),
        data: { expected: show(expected), evidence },
        expected: [expected],
      });
    }
  },
});
