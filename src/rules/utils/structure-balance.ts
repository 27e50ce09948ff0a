// Finds unbalanced brackets and quotes in a piece of Markdown source, for text-balanced. One linear pass, no regexes.

/** The first balance problem of a text: `index` is where it sits (0-based, in the scanned text). */
export interface Imbalance {
  kind: 'unclosed' | 'unopened';
  char: string;
  /** The character that would balance it. */
  partner: string;
  index: number;
}

const CLOSER: Record<string, string> = { '(': ')', '[': ']', '“': '”' };
const OPENER: Record<string, string> = { ')': '(', ']': '[', '”': '“' };

/**
 * Scans `text` for an unmatched `(`, `)`, `[`, `]`, `“`, `”` or an odd number of `"`. Skips code spans, URLs, HTML tags,
 * backslash escapes, emoticons (`:)`, `;-(`) and enumerations (`1)`, `a)`); quote checks are dropped when the text
 * uses `„`-style quotes or inch marks (`5"`). Returns the first problem, or undefined.
 */
export function findImbalance(text: string): Imbalance | undefined {
  // Most descriptions hold no bracket or quote at all; they need no stacks, code-span map or scan.
  if (!hasBalancedMark(text)) return undefined;
  // Negative entries (-index - 1) are `(` that look like emoticons (`:(`): they may be closed, but are never reported.
  const stacks: Record<string, number[]> = { '(': [], '[': [], '“': [] };
  const straight: number[] = [];
  let hasInchMark = false;
  let hasLowQuote = false;
  const codeSpans = codeSpanEnds(text);
  let nextGt = -1;
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (char === '\\') {
      index += 2;
      continue;
    }
    if (char === '`') {
      index = codeSpans.get(index) ?? index + 1;
      continue;
    }
    if (char === '<' && isTagStart(text, index + 1)) {
      // The next `>` is looked up once per stretch, so a text full of `<` stays linear.
      if (nextGt < index) nextGt = text.indexOf('>', index);
      if (nextGt < 0) nextGt = text.length;
      else {
        index = nextGt + 1;
        continue;
      }
    }
    if ((char === 'h' || char === 'w') && isUrlStart(text, index)) {
      index = skipUrl(text, index);
      continue;
    }
    if (char === '„') hasLowQuote = true;
    if (char === '"') {
      if (index > 0 && isDigit(text.charCodeAt(index - 1))) hasInchMark = true;
      straight.push(index);
    } else if (char in CLOSER) {
      stacks[char]!.push(char === '(' && isEmoticon(text, index) ? -index - 1 : index);
    } else if (char in OPENER) {
      const opener = OPENER[char]!;
      const stack = stacks[opener]!;
      if (stack.length > 0) stack.pop();
      else if (!(char === ')' && (isEmoticon(text, index) || isEnumeration(text, index)))) {
        return { kind: 'unopened', char, partner: opener, index };
      }
    }
    index++;
  }
  let first: Imbalance | undefined;
  for (const [opener, stack] of Object.entries(stacks)) {
    if (opener === '“' && hasLowQuote) continue;
    const at = stack.find((index) => index >= 0);
    if (at !== undefined && (!first || at < first.index)) first = { kind: 'unclosed', char: opener, partner: CLOSER[opener]!, index: at };
  }
  if (!first && straight.length % 2 === 1 && !hasInchMark) {
    first = { kind: 'unclosed', char: '"', partner: '"', index: straight[straight.length - 1]! };
  }
  return first;
}

/** True when `text` holds any character `findImbalance` pairs up (`(`, `)`, `[`, `]`, `“`, `”`, `"`). */
function hasBalancedMark(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // ( ) [ ] " and the curly double quotes U+201C, U+201D.
    if (code === 40 || code === 41 || code === 91 || code === 93 || code === 34 || code === 0x201c || code === 0x201d) return true;
  }
  return false;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isAlnum(code: number): boolean {
  return isDigit(code) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * Maps the start of every backtick run to where its code span ends (after the closing run of the same length), or to
 * the end of the run when nothing closes it. Runs are paired right to left in one pass, as CommonMark pairs them.
 */
function codeSpanEnds(text: string): Map<number, number> {
  const runs: Array<{ start: number; end: number }> = [];
  let search = text.indexOf('`');
  while (search >= 0) {
    let end = search;
    while (text[end] === '`') end++;
    runs.push({ start: search, end });
    search = text.indexOf('`', end);
  }
  // next[i]: index of the next run with the same length as run i.
  const next = new Array<number>(runs.length).fill(-1);
  const latest = new Map<number, number>();
  for (let i = runs.length - 1; i >= 0; i--) {
    const length = runs[i]!.end - runs[i]!.start;
    next[i] = latest.get(length) ?? -1;
    latest.set(length, i);
  }
  const ends = new Map<number, number>();
  for (let i = 0; i < runs.length; ) {
    const run = runs[i]!;
    const closer = next[i]!;
    if (closer < 0) {
      ends.set(run.start, run.end);
      i++;
      continue;
    }
    ends.set(run.start, runs[closer]!.end);
    i = closer + 1;
  }
  return ends;
}

function isTagStart(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code === 47 || code === 33 || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isUrlStart(text: string, at: number): boolean {
  if (at > 0 && isAlnum(text.charCodeAt(at - 1))) return false;
  return text.startsWith('http://', at) || text.startsWith('https://', at) || text.startsWith('www.', at);
}

/** Skips a URL up to whitespace, keeping its own balanced parentheses but not a `)` that closes text around it. */
function skipUrl(text: string, start: number): number {
  let depth = 0;
  let index = start;
  while (index < text.length) {
    const char = text[index]!;
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r' || char === '<' || char === '>' || char === '"') break;
    if (char === '(') depth++;
    else if (char === ')') {
      if (depth === 0) break;
      depth--;
    } else if (char === ']' && depth === 0) break;
    index++;
  }
  return index;
}

/** `:)`, `:(`, `;-)`, `=)`, `:-(` and friends. */
function isEmoticon(text: string, at: number): boolean {
  let before = at - 1;
  if (text[before] === '-' || text[before] === '^') before--;
  const eyes = text[before];
  return eyes === ':' || eyes === ';' || eyes === '=' || (eyes === '8' && before === at - 2);
}

/** `1)`, `a)`, `iv)`: a number, a letter or a roman numeral closing an enumeration, after a space or at the start. */
function isEnumeration(text: string, at: number): boolean {
  let start = at;
  while (start > 0 && at - start < 5 && isAlnum(text.charCodeAt(start - 1))) start--;
  const label = text.slice(start, at);
  if (label === '' || label.length > 4) return false;
  if (start > 0 && text[start - 1] !== ' ' && text[start - 1] !== '\t' && text[start - 1] !== '\n') return false;
  return label.length === 1 || isAllDigits(label) || isRoman(label);
}

function isAllDigits(label: string): boolean {
  for (let i = 0; i < label.length; i++) if (!isDigit(label.charCodeAt(i))) return false;
  return true;
}

function isRoman(label: string): boolean {
  for (const char of label) if (!'ivxIVX'.includes(char)) return false;
  return true;
}
