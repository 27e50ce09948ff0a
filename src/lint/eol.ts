// Line endings: fixes are written with '\n' and converted to the document's own ending, so CRLF files stay CRLF.

/** The dominant line ending of `text` ('\n' when there is none or a tie). */
export function detectEol(text: string): '\n' | '\r\n' {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}

/** Rewrites every line ending in `text` (LF or CRLF) as `eol`; use it for text a fix inserts. */
export function normalizeEol(text: string, eol: '\n' | '\r\n'): string {
  if (!text.includes('\n')) return text;
  let out = '';
  let cursor = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    const end = i > 0 && text.charCodeAt(i - 1) === 13 ? i - 1 : i;
    out += text.slice(cursor, end) + eol;
    cursor = i + 1;
  }
  return out + text.slice(cursor);
}
