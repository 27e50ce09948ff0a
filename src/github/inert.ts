// Renders text from outside (URLs, server messages, file names) as inert Markdown for GitHub: no mention, link, image or HTML survives.

/** Longest outside string shown; longer ones are cut with an ellipsis (the full text is in the report artifact). */
export const MAX_SHOWN_CHARS = 300;

/**
 * Characters that are invisible or reorder text (controls, zero-width joiners, bidi overrides, BOM) and line
 * terminators: shown as `<U+XXXX>` so nothing hides, reorders or breaks a line or table row.
 */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/**
 * Inline code that shows `text` literally: the fence is one backtick longer than any backtick run inside, padded
 * when the text starts or ends with a backtick or space (CommonMark strips one space each side). Inside a code span
 * GitHub renders no mention, reference, link, image or HTML. In a table cell `|` is escaped as `\|`, which GFM
 * turns back into `|` inside the span instead of splitting the cell (GFM splits cells before it parses code spans).
 */
export function inertCode(text: string, options: { inTable?: boolean; maxChars?: number } = {}): string {
  let shown = visible(text);
  const max = options.maxChars ?? MAX_SHOWN_CHARS;
  if ([...shown].length > max) shown = `${[...shown].slice(0, max - 1).join('')}…`;
  if (shown === '') return '(empty)';
  // Backslashes right before a pipe are doubled too, so `\|` in the text cannot pair up with ours and end the cell.
  if (options.inTable) shown = shown.replace(/(\\*)\|/g, (_, slashes: string) => `${slashes}${slashes}\\|`);
  let longest = 0;
  for (const run of shown.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(shown) ? ' ' : '';
  return `${fence}${pad}${shown}${pad}${fence}`;
}

/** Replaces invisible, reordering and line-breaking characters with a visible `<U+XXXX>`. */
export function visible(text: string): string {
  return text.replace(HIDDEN, (char) => `<U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`);
}

/**
 * A link destination GitHub renders as written: an http(s) URL serialised by WHATWG URL (which percent-encodes
 * spaces, `<`, `>` and quotes) inside `<…>`, so `)` cannot end it early. Undefined for anything else.
 */
export function safeLinkTarget(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  if (parsed.username || parsed.password) return undefined;
  const href = parsed.href;
  return /[<>\s]/.test(href) ? undefined : `<${href}>`;
}

/**
 * JSON that may sit inside an HTML comment: `<`, `>` and `&` become `\u003c`-style escapes (still the same JSON),
 * so no value can close the comment (`-->`) and spill into the rendered body.
 */
export function commentSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
