// Character classes the model and the rules share, answered without a regex (they run per character).

/** True for a space or a tab: blank within a line. */
export function isBlank(char: string | undefined): boolean {
  return char === ' ' || char === '\t';
}

/** True for a space, a tab or a line break (`\n`, `\r`). */
export function isBlankOrBreak(char: string | undefined): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r';
}
