// entry-description-end: a description ends with the punctuation `style.entry.description.end` allows.
import * as z from 'zod';
import { defineRule, type ReportDescriptor } from './define-rule.js';
import { isAttribution, isPictograph, isSpace, lastWordStart, linkEndingAt, parentEntries, resourceEntries } from './utils/entries.js';
import { rangeOf } from '../markdown/positions.js';
import type { Entry } from '../markdown/types.js';

// Closing brackets, quotes and emphasis: "(see X.)" ends in "." for this rule.
const CLOSERS = new Set([')', ']', '"', "'", '”', '’', '»', '*', '_', '~']);
// Punctuation that may be swapped for the expected ending without changing the meaning.
const REPLACEABLE = new Set([',', ';', ':']);

// Below this many described entries a list is too small to speak of its own convention.
const CONVENTION_MIN_ENTRIES = 10;
// Abbreviations whose final "." is part of the word, so `none` keeps it.
const ABBREVIATIONS = new Set(['etc.', 'e.g.', 'i.e.', 'inc.', 'ltd.', 'co.', 'corp.', 'vs.', 'jr.', 'sr.', 'approx.', 'al.']);

// Full-width forms that end CJK sentences (and the ellipsis character, like "...") count as the mark they stand for.
const EQUIVALENTS: Record<string, string[]> = { '.': ['。', '．', '…'], '!': ['！'], '?': ['？'] };

interface Ending {
  /** Offset just past the description's last visible character (trailing blanks and hard breaks removed). */
  end: number;
  /** The description text up to `end`. */
  body: string;
  /** The description text up to `end`, closers removed. */
  core: string;
}

/** True for a gemoji shortcode such as `:rocket:`, which GitHub renders as an emoji. */
function isEmojiShortcode(word: string): boolean {
  return word.length > 2 && word.length <= 40 && /^:[a-z0-9_+-]+:$/.test(word);
}

/** Where the description really ends, or undefined when it ends in something that takes no punctuation. */
function endingOf(entry: Entry, text: string, start: number): Ending | undefined {
  let end = text.length;
  while (end > 0 && (isSpace(text[end - 1]) || text[end - 1] === '\\')) end--;
  if (end > 4 && text.slice(end - 4, end).toLowerCase() === '<br>') return undefined;
  const body = text.slice(0, end);
  const last = body[body.length - 1];
  if (last === undefined || last === '`' || last === '>' || last === '|') return undefined;
  // A description ending in a bare URL or an emoji takes no punctuation.
  const lastChunk = body.slice(lastWordStart(body));
  if (/^(?:https?:\/\/|www\.)/i.test(lastChunk) || isEmojiShortcode(lastChunk)) return undefined;
  const lastChar = String.fromCodePoint(body.codePointAt(body.length - (body.length > 1 && /[\uDC00-\uDFFF]/.test(last) ? 2 : 1))!);
  if (isPictograph(lastChar) || last === '\uFE0F') return undefined;
  // A trailing link or image counts as a word: "[docs](u)" lacks its ".", so closers are not stripped from it.
  const trailing = linkEndingAt(entry.links, start + end);
  if (trailing) return trailing.isImage ? undefined : { end: start + end, body, core: body };
  let coreEnd = body.length;
  while (coreEnd > 0 && CLOSERS.has(body[coreEnd - 1]!)) coreEnd--;
  return { end: start + end, body, core: body.slice(0, coreEnd) };
}

/** True when `text` (up to `at`) ends with one of the allowed endings (or its full-width form). */
function endsWithAllowed(text: string, allowed: string[], at = text.length): boolean {
  return allowed.some((end) => text.endsWith(end, at) || (EQUIVALENTS[end] ?? []).some((form) => text.endsWith(form, at)));
}

/**
 * False when a description's last visible character settles it without {@link endingOf}: it already ends as the
 * style asks (or, for `none`, in no punctuation at all) and is no closer that hides the real ending. Nearly every
 * description of a tidy list is decided here, with no slices, regexes or link lookups.
 */
function mayNeedReport(text: string, rule: 'none' | string[]): boolean {
  let end = text.length;
  while (end > 0 && (isSpace(text[end - 1]) || text[end - 1] === '\\')) end--;
  if (end === 0) return false;
  const last = text[end - 1]!;
  if (CLOSERS.has(last)) return true;
  return rule === 'none' ? ',.;:'.includes(last) : !endsWithAllowed(text, rule, end);
}

/**
 * The text before a trailing bracketed note ("Fast builds. [Deprecated]", "Fast builds. (MIT)"), found
 * by one backward scan; undefined when the description does not end with a closed bracket.
 */
function beforeTrailingNote(body: string): string | undefined {
  const close = body[body.length - 1];
  if (close !== ')' && close !== ']') return undefined;
  const open = close === ')' ? '(' : '[';
  let depth = 0;
  for (let i = body.length - 1; i >= 0; i--) {
    if (body[i] === close) depth++;
    else if (body[i] === open && --depth === 0) return body.slice(0, i).trimEnd();
  }
  return undefined;
}

/** True when only blanks follow `offset` on its line. */
function isLineEnd(text: string, offset: number): boolean {
  for (let i = offset; i < text.length && text[i] !== '\n' && text[i] !== '\r'; i++) if (!isSpace(text[i])) return false;
  return true;
}

/**
 * True when the description ends as allowed once trailing notes are set aside: bracketed groups and links after the
 * last sentence ("Fast builds. [MIT][Apache-2.0]", "Fast builds. - [source](url)", "Fast builds. (archived)").
 */
function endsWithAllowedBeforeNotes(body: string, allowed: string[]): boolean {
  let rest = body;
  for (let notes = 0; notes < 8; notes++) {
    const before = beforeTrailingNote(rest);
    if (before === undefined) return false;
    // A link is `[text](url)`: the `(url)` group goes first, then its `[text]`.
    rest = (before.endsWith(']') ? (beforeTrailingNote(before) ?? before) : before).replace(/\s*[-–—|/,]$/, '').trimEnd();
    if (endsWithAllowed(rest, allowed)) return true;
  }
  return false;
}

/** True when `text` is one link and nothing else but emphasis (`**[⬆ back to top](#contents)**`). */
function isOnlyALink(text: string): boolean {
  return /^[*_\s]*!?\[[^\]]*\]\([^)]*\)[*_\s]*$/.test(text);
}

/** Reports descriptions with a missing, extra or wrong final punctuation mark. */
export const entryDescriptionEnd = defineRule({
  id: 'entry-description-end',
  description: 'A description ends with the punctuation the style allows, or with none.',
  rationale: 'Consistent endings make a list look finished; a missing full stop among many is a typo readers notice.',
  fixable: true,
  defaultSeverity: 'warn',
  options: z.object({}).strict(),
  messages: {
    missing: 'Missing final punctuation, expected {expected}{evidence}',
    unexpected: 'Unexpected final `{actual}`, expected {expected}{evidence}',
    extra: 'Unexpected final `{actual}`, expected no final punctuation{evidence}',
  },
  examples: {
    valid: [
      { name: 'ends with a full stop', markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds.\n' },
      { name: 'inside brackets', markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds (see the docs.)\n' },
      { name: 'ends with code', markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Replaces `make`\n' },
      {
        name: 'no punctuation style',
        style: { entry: { description: { end: 'none' } } },
        markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds, tests etc.\n',
      },
    ],
    invalid: [
      {
        name: 'missing full stop',
        markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds\n',
        errors: [{ messageId: 'missing', line: 3, column: 43 }],
        output: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds.\n',
      },
      {
        name: 'full stop where the style wants none',
        style: { entry: { description: { end: 'none' } } },
        markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds.\n',
        errors: [{ messageId: 'extra', line: 3, column: 43 }],
        output: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds\n',
      },
    ],
  },
  check(ctx) {
    const configured = ctx.style.entry.description.end;
    if (configured === 'any') return;
    const evidence = ctx.evidence('entry.description.end');
    // A sentence may end with a question or an exclamation as well as a period ("Why wait?", "Just like that!").
    const rule = configured !== 'none' && configured.includes('.') ? [...new Set([...configured, '!', '?'])] : configured;
    const expectedText = configured === 'none' ? '' : configured.map((end) => `\`${end}\``).join(' or ');
    const parents = parentEntries(ctx.doc);
    let described = 0;
    const missing: ReportDescriptor[] = [];
    for (const entry of resourceEntries(ctx.doc)) {
      const description = entry.description;
      if (!description || entry.descriptionPlacement === 'code') continue;
      // "[X](url) by Ada": an attribution that goes on with the name, not a sentence of its own.
      if (isAttribution(entry)) continue;
      // A description that is only a link (a sub-list's "MySQL - [awesome-mysql](url)", "back to top") is no sentence.
      if (isOnlyALink(description.text)) continue;
      // No letter, no sentence: a number that tells two same-named links apart ("[Awesome C](url) 2"), a year.
      if (!/\p{L}/u.test(description.text)) continue;
      described++;
      if (!mayNeedReport(description.text, rule)) continue;
      const start = description.range.start.offset;
      const ending = endingOf(entry, description.text, start);
      if (!ending || ending.core.trim() === '') continue;
      const core = ending.core;
      const lastChar = core[core.length - 1]!;
      const coreEnd = start + core.length;
      // "Includes:" introducing nested entries is a lead-in, not an unfinished description.
      if (lastChar === ':' && parents.has(entry)) continue;
      if (rule === 'none') {
        if (!['.', ',', ';', ':'].includes(lastChar) || core.endsWith('..')) continue;
        const lastWord = core.slice(lastWordStart(core)).toLowerCase();
        if (ABBREVIATIONS.has(lastWord)) continue;
        ctx.report({
          messageId: 'extra',
          at: rangeOf(ctx.doc, coreEnd - 1, coreEnd),
          data: { actual: lastChar, evidence },
          fix: [{ start: coreEnd - 1, end: coreEnd, text: '' }],
          actual: lastChar,
          expected: [],
        });
        continue;
      }
      if (endsWithAllowed(core, rule)) continue;
      if (endsWithAllowedBeforeNotes(ending.body, rule)) continue;
      const wanted = rule[0]!;
      if (/[\p{P}]/u.test(lastChar) && !CLOSERS.has(lastChar) && !(linkEndingAt(entry.links, ending.end) !== undefined)) {
        // Wrong punctuation: swap the harmless ones, leave "!", "?" and "…" to a human.
        const fix = REPLACEABLE.has(lastChar) ? [{ start: coreEnd - 1, end: coreEnd, text: wanted }] : undefined;
        ctx.report({
          messageId: 'unexpected',
          at: rangeOf(ctx.doc, coreEnd - 1, coreEnd),
          data: { actual: lastChar, expected: expectedText, evidence },
          fix,
          actual: lastChar,
          expected: [...rule],
        });
        continue;
      }
      // A sentence mark after CJK text is its full-width form, which a fix cannot choose for the list.
      if (/[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]/.test(lastChar)) continue;
      // The mark is certain only after a word that ends the line: not after a symbol (`Δ`, a kaomoji), a trailing
      // link, or where a note or badge follows the description on its line.
      const lastWord = [...core.slice(lastWordStart(core))];
      const isSymbolWord = lastWord.length === 1 && !/[A-Za-z0-9]/.test(lastWord[0]!);
      const isCertain = /[\p{L}\p{N}]/u.test(lastChar) && !isSymbolWord && linkEndingAt(entry.links, ending.end) === undefined && isLineEnd(ctx.doc.text, description.range.end.offset);
      missing.push({
        messageId: 'missing',
        at: rangeOf(ctx.doc, ending.end, ending.end),
        data: { expected: expectedText, evidence },
        fix: isCertain ? [{ start: ending.end, end: ending.end, text: wanted }] : undefined,
        expected: [...rule],
      });
    }
    // When most of a sizeable list leaves descriptions unpunctuated, that is the list's own convention: adding the
    // mark everywhere is not a certain fix, so the findings stay (a maintainer may want them) but without a fix.
    const isListConvention = described >= CONVENTION_MIN_ENTRIES && missing.length * 2 > described;
    for (const descriptor of missing) ctx.report(isListConvention ? { ...descriptor, fix: undefined } : descriptor);
  },
});
