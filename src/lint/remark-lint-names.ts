// remark-lint rule names (as awesome-lint's `<!--lint disable …-->` comments use them) and the rules of ours that check the same thing.

/**
 * remark-lint / awesome-lint rule name → our rule ids. A name not listed has no counterpart here and
 * is ignored in `<!--lint …-->` comments (it belongs to another tool). docs/migrating-from-awesome-lint.md
 * shows this table; keep them in step.
 */
export const REMARK_LINT_RULES: Readonly<Record<string, readonly string[]>> = {
  'awesome-heading': ['heading-title'],
  'awesome-list-item': ['entry-shape', 'entry-separator', 'entry-description', 'entry-description-case', 'entry-description-end'],
  'awesome-spell-check': ['name-spelling'],
  'awesome-toc': ['toc-sections'],
  'double-link': ['link-duplicate'],
  'final-newline': ['file-final-newline'],
  'hard-break-spaces': ['whitespace-trailing'],
  'heading-increment': ['heading-increment'],
  'match-punctuation': ['text-balanced'],
  'no-dead-urls': ['link-dead', 'link-error', 'link-timeout', 'link-redirect'],
  'no-heading-punctuation': ['heading-punctuation'],
  'no-literal-urls': ['link-bare-url'],
  'no-trailing-spaces': ['whitespace-trailing'],
  'unordered-list-marker-style': ['entry-bullet'],
};

/** Our rule ids for remark-lint rule names; names without a counterpart contribute nothing. */
export function mapRemarkLintNames(names: readonly string[]): string[] {
  const ids = new Set<string>();
  for (const name of names) {
    // remark-lint accepts both `no-dead-urls` and the package-style `remark-lint-no-dead-urls`.
    const key = name.startsWith('remark-lint-') ? name.slice('remark-lint-'.length) : name;
    for (const id of REMARK_LINT_RULES[key] ?? []) ids.add(id);
  }
  return [...ids];
}
