// ANSI colours for the unified diffs `--fix-dry-run` prints, as git colours them.

const RED = ['\u001b[31m', '\u001b[39m'] as const;
const GREEN = ['\u001b[32m', '\u001b[39m'] as const;
const CYAN = ['\u001b[36m', '\u001b[39m'] as const;
const BOLD = ['\u001b[1m', '\u001b[22m'] as const;

/** Colours a unified diff line by line: headers bold, hunk ranges cyan, removals red, additions green. */
export function colorDiff(diff: string): string {
  return diff
    .split('\n')
    .map((line) => {
      const style = line.startsWith('---') || line.startsWith('+++') || line.startsWith('===') || line.startsWith('Index:')
        ? BOLD
        : line.startsWith('@@')
          ? CYAN
          : line.startsWith('-')
            ? RED
            : line.startsWith('+')
              ? GREEN
              : undefined;
      return style === undefined || line === '' ? line : `${style[0]}${line}${style[1]}`;
    })
    .join('\n');
}
