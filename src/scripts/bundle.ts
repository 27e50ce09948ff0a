// Builds the bundled CLI and GitHub action (one flat folder, code-split so a command loads only what it needs).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { bundledDictionaryBytes, bundledDictionaryFiles } from '../spelling/dictionary.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Where the bundle goes unless `--outdir` says otherwise; the action's `action.yml` points into it. */
export const DEFAULT_BUNDLE_DIR = 'dist/bundle';

// Entry points keep their plain names in one flat folder: modules that locate a sibling through
// `new URL('./x.js', import.meta.url)` (the worker, the config setup) find it from any chunk.
const ENTRIES: Record<string, string> = {
  bin: 'src/cli/bin.ts',
  action: 'src/github/action-main.ts',
  worker: 'src/lint/worker.ts',
  'link-worker': 'src/engine/link-worker.ts',
  'config-setup': 'src/lint/config-setup.ts',
  rules: 'src/rules/index.ts',
};

/** Options of {@link bundle}. */
export interface BundleOptions {
  /** Also write esbuild's metafile (which sources went into which output file) here, outside `outdir`. */
  metafilePath?: string;
}

/** Bundles into `outdir` and returns a digest of every file written, so two builds can be compared. */
export async function bundle(outdir: string, options: BundleOptions = {}): Promise<string> {
  const absolute = path.resolve(root, outdir);
  rmSync(absolute, { recursive: true, force: true });
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  const result = await build({
    absWorkingDir: root,
    metafile: options.metafilePath !== undefined,
    entryPoints: Object.fromEntries(Object.entries(ENTRIES)),
    outdir: absolute,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    // Prefer a dependency's ES module build: some (jsonc-parser) ship a UMD `main` whose dynamic require()s no bundler can follow.
    mainFields: ['module', 'main'],
    target: 'node20.19',
    chunkNames: 'chunk-[hash]',
    minifySyntax: true,
    legalComments: 'linked',
    charset: 'utf8',
    define: { LINT_LISTS_BUNDLED_VERSION: JSON.stringify(pkg.version), LINT_LISTS_BUNDLED: 'true' },
    // Bundled CommonJS dependencies still call require(); give ESM output one that works.
    banner: { js: "import { createRequire as __lintListsRequire } from 'node:module'; const require = __lintListsRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  if (options.metafilePath !== undefined) writeFileSync(options.metafilePath, JSON.stringify(result.metafile));
  // The action runs the bundle without `npm install`: the spelling dictionaries travel beside it, where
  // `src/spelling/dictionary.ts` looks first.
  for (const file of bundledDictionaryFiles()) writeFileSync(path.join(absolute, file.bundledName), bundledDictionaryBytes(file));
  return digestFolder(absolute);
}

function digestFolder(folder: string): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(folder).sort()) hash.update(name).update('\0').update(readFileSync(path.join(folder, name))).update('\0');
  return hash.digest('hex');
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--outdir');
  const outdir = at === -1 ? DEFAULT_BUNDLE_DIR : process.argv[at + 1]!;
  const digest = await bundle(outdir);
  process.stdout.write(`bundled into ${outdir} (sha256 ${digest})\n`);
}
