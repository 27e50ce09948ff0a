// Rule link-relative: relative links and images whose target file does not exist next to the list.
import { statSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import { defineRule } from './define-rule.js';
import { hasScheme, splitUrl } from '../url/url.js';

const options = z
  .object({
    baseDir: z
      .union([z.string().min(1), z.null()])
      .default(null)
      .describe(
        'Directory to resolve relative links from when the list has no file on disk (text from stdin); by default links are resolved from the list\'s own directory and not checked without a file.',
      ),
  })
  .strict();

/** Whether `file` exists (any kind); errors other than "not found" (EACCES, ENAMETOOLONG…) count as existing. */
function exists(file: string): boolean {
  try {
    return statSync(file, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return true;
  }
}

/** True when `file` is a regular file on disk. */
function isFile(file: string): boolean {
  try {
    return statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

/** Percent-decodes a path as a browser would; the raw path when it is not valid percent-encoding. */
function decodePath(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Reports relative links (`docs/x.md`, `img/a.png`, `../README.md#top`) whose file is missing. */
export const linkRelative = defineRule<z.output<typeof options>>({
  id: 'link-relative',
  description: 'Relative links and images point to files that exist.',
  rationale:
    'A moved or misspelt file breaks the link on GitHub without any error; the link checker leaves relative paths to this rule.',
  fixable: false,
  defaultSeverity: 'error',
  options,
  messages: {
    missing: 'Unexpected link to missing file `{actual}`, expected a file relative to `{expected}`',
  },
  examples: {
    valid: [
      {
        name: 'an existing file (resolved from the directory given)',
        markdown: '## Contributing\n\nSee [the licence](LICENSE).\n',
        options: { baseDir: '.' },
      },
      { name: 'text without a file on disk is not checked', markdown: '- [Guide](docs/guide.md) - How to contribute.\n' },
    ],
    invalid: [
      {
        name: 'missing file',
        markdown: '- [Guide](docs/no-such-guide.md) - How to contribute.\n',
        options: { baseDir: '.' },
        errors: [{ messageId: 'missing', line: 1, column: 3 }],
      },
    ],
  },
  check(ctx) {
    const { doc } = ctx;
    // The model says where the file lives (`doc.path`) and where the run resolves paths (`doc.rootDir`); a model built
    // without them (text given directly) is resolved as a command-line path would be.
    const root = doc.rootDir ?? path.resolve('.');
    let base: string;
    if (ctx.options.baseDir !== null) base = path.resolve(root, ctx.options.baseDir);
    else if (doc.path !== undefined) base = path.dirname(doc.path);
    else if (doc.rootDir === undefined && isFile(path.resolve(doc.file))) base = path.dirname(path.resolve(doc.file));
    else return; // stdin or test text: there is nothing to resolve against
    const cache = new Map<string, boolean>();
    for (const link of doc.links) {
      const url = link.url.trim();
      // Root-relative (`/docs`) depends on where the repository is served from, so only true relatives are checked.
      if (url === '' || url.startsWith('#') || url.startsWith('/') || url.startsWith('\\') || hasScheme(url)) continue;
      const relative = decodePath(splitUrl(url).base);
      if (relative === '') continue;
      const target = path.resolve(base, relative);
      let found = cache.get(target);
      if (found === undefined) {
        found = exists(target);
        cache.set(target, found);
      }
      if (found) continue;
      const expected = path.relative(root, base) || '.';
      ctx.report({ messageId: 'missing', at: link.range, data: { actual: url, expected }, actual: url, expected: [expected], url });
    }
  },
});
