// Line endings: fixes are written with '\n' and converted to the document's own ending, so CRLF files stay CRLF.
import { detectEol } from '../markdown/positions.js';

export { detectEol };


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
