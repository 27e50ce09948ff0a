// A small, linear scanner for HTML tags in raw HTML nodes: `<a href>` links and `name`/`id` anchors.

/** One attribute of a scanned tag, with where its value sits. */
export interface HtmlAttribute {
  name: string;
  value: string;
  valueStart: number;
  valueEnd: number;
}

/** One opening tag found by `scanHtmlTags`. */
export interface HtmlTag {
  /** Lower-cased tag name. */
  name: string;
  attributes: HtmlAttribute[];
  start: number;
  /** Offset just past the closing `>`. */
  end: number;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 12;
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * Calls `onTag` for every opening tag in `text[start, end)`. Each character is read a bounded
 * number of times: a tag that never closes is abandoned at the next `<`, so hostile input
 * (`<a <a <a …`) stays linear.
 */
export function scanHtmlTags(text: string, start: number, end: number, onTag: (tag: HtmlTag) => void): void {
  let i = text.indexOf('<', start);
  while (i !== -1 && i < end) {
    const next = scanTag(text, i, end);
    if (typeof next === 'number') {
      i = text.indexOf('<', next);
      continue;
    }
    onTag(next);
    i = text.indexOf('<', next.end);
  }
}

/** Reads one tag at `i`; returns the tag, or the offset to resume scanning from. */
function scanTag(text: string, i: number, end: number): HtmlTag | number {
  let p = i + 1;
  if (!isLetter(text.charCodeAt(p))) return p;
  const nameStart = p;
  while (p < end && (isLetter(text.charCodeAt(p)) || (text.charCodeAt(p) >= 48 && text.charCodeAt(p) <= 57) || text[p] === '-')) p++;
  const tag: HtmlTag = { name: text.slice(nameStart, p).toLowerCase(), attributes: [], start: i, end: p };
  for (;;) {
    while (p < end && isSpace(text.charCodeAt(p))) p++;
    if (p >= end) return p;
    const char = text[p];
    if (char === '>') {
      tag.end = p + 1;
      return tag;
    }
    if (char === '/' && text[p + 1] === '>') {
      tag.end = p + 2;
      return tag;
    }
    if (char === '<') return p;
    const attrStart = p;
    while (p < end) {
      const c = text[p];
      if (c === '=' || c === '>' || c === '<' || c === '/' || isSpace(text.charCodeAt(p))) break;
      p++;
    }
    if (p === attrStart) {
      p++; // a stray `/` or `=`: skip it
      continue;
    }
    const name = text.slice(attrStart, p).toLowerCase();
    while (p < end && isSpace(text.charCodeAt(p))) p++;
    if (text[p] !== '=') {
      tag.attributes.push({ name, value: '', valueStart: p, valueEnd: p });
      continue;
    }
    p++;
    while (p < end && isSpace(text.charCodeAt(p))) p++;
    const quote = text[p];
    if (quote === '"' || quote === "'") {
      const close = text.indexOf(quote, p + 1);
      if (close === -1 || close >= end) return end;
      tag.attributes.push({ name, value: text.slice(p + 1, close), valueStart: p + 1, valueEnd: close });
      p = close + 1;
    } else {
      const valueStart = p;
      while (p < end && !isSpace(text.charCodeAt(p)) && text[p] !== '>' && text[p] !== '<') p++;
      tag.attributes.push({ name, value: text.slice(valueStart, p), valueStart, valueEnd: p });
    }
  }
}
