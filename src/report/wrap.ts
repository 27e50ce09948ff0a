// Word wrapping for terminal reports: long messages break between words, never inside a rule id.

/**
 * Splits `text` into lines of at most `width` characters, breaking at spaces outside code spans
 * (`` `a - b` `` stays together); a longer word is cut.
 */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.match(/(?:`[^`]*`|[^ ])+/g) ?? ['']) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = '';
    }
    let rest = line === '' ? word : `${line} ${word}`;
    while (rest.length > width) {
      lines.push(rest.slice(0, width));
      rest = rest.slice(width);
    }
    line = rest;
  }
  lines.push(line);
  return lines;
}
