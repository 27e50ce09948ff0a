// `lint-lists init`: writes a starting config for the list in the current folder and shows how to add the action to CI.
import { access, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CONFIG_FILE_NAMES } from '../../config/defaults.js';
import { LintListsError } from '../../errors.js';
import { findReadme } from '../../lint/inputs.js';
import { loadRunConfig } from '../../engine/load.js';
import { describeFileStyle, inferredStyleInput } from '../../lint/file-style.js';
import { readListFile } from '../../lint/read-file.js';
import type { Io } from '../io.js';

/** The config file `init` writes. */
export const INIT_CONFIG_FILE = 'lint-lists.config.json';

/** Where editors find the config's JSON Schema: the copy published with the package. */
export const SCHEMA_URL = 'https://unpkg.com/lint-lists/schema/lint-lists.schema.json';

/** The workflow steps that run lint-lists on pull requests, as `init` prints them. */
export const ACTION_STEPS = ['      - uses: actions/checkout@v4', '      - uses: lint-lists/lint-lists@v1'];

/** Writes the config (refusing to replace an existing one unless `force`); returns the exit code. */
export async function runInit(options: { force: boolean }, io: Io): Promise<number> {
  const cwd = path.resolve(io.cwd);
  const existing = await existingConfig(cwd);
  if (existing !== undefined && !options.force) {
    throw new LintListsError('USAGE', `${existing} already exists; run \`lint-lists init --force\` to replace it`);
  }
  const files = await listFiles(cwd);
  const learned = files[0] !== undefined && !files[0].includes('*') ? await learnStyle(cwd, files[0]) : undefined;
  const config = { $schema: SCHEMA_URL, extends: 'lint-lists:recommended', files, ...(learned ? { style: learned.style } : {}) };
  await writeFile(path.join(cwd, INIT_CONFIG_FILE), `${JSON.stringify(config, null, 2)}\n`);
  io.stdout(
    [
      `Wrote ${INIT_CONFIG_FILE} for ${files.join(', ')}.`,
      ...(learned ? [`Its "style" holds the conventions ${learned.file} follows (${learned.summary}).`] : []),
      'Adjust your list\'s conventions under "style" and "rules" (see docs/configuration.md and docs/style-inference.md).',
      '',
      'To check pull requests, add these steps to a workflow job (see the README for the whole file):',
      '',
      ...ACTION_STEPS,
      '',
    ].join('\n'),
  );
  return 0;
}

/**
 * The style values `file` clearly follows (see docs/style-inference.md), as they go in the config, with a short
 * account of the evidence; undefined when the file shows no clear convention (or cannot be read).
 */
async function learnStyle(cwd: string, file: string): Promise<{ file: string; style: Record<string, unknown>; summary: string } | undefined> {
  const read = await readListFile(file, path.join(cwd, file), { cwd });
  if (!read.ok) return undefined;
  // Learned as with no config at all: a config being replaced (--force) must not colour what the list itself shows.
  const loaded = await loadRunConfig({ cwd, config: {} });
  const described = describeFileStyle(file, read.text, loaded.setup, { path: path.join(cwd, file), rootDir: cwd });
  const style = inferredStyleInput(described);
  const learned = Object.entries(described.basis).filter(([, basis]) => basis.source === 'inferred');
  if (learned.length === 0) return undefined;
  const summary = learned.map(([key, basis]) => `${key.replace(/^entry\.(description\.)?/, '')}: ${basis.count} of ${basis.total} entries`).join(', ');
  return { file, style, summary };
}

async function existingConfig(cwd: string): Promise<string | undefined> {
  for (const { name } of CONFIG_FILE_NAMES) {
    if (await access(path.join(cwd, name)).then(() => true, () => false)) return name;
  }
  return undefined;
}

/** The readme when there is one (what awesome lists keep their list in), else every Markdown file of the folder. */
async function listFiles(cwd: string): Promise<string[]> {
  const readme = await findReadme(cwd);
  if (readme !== undefined) return [readme];
  const names = (await readdir(cwd, { withFileTypes: true })).filter((entry) => entry.isFile() && /\.(md|markdown)$/i.test(entry.name));
  if (names.length === 0) throw new LintListsError('USAGE', 'no Markdown file in this folder: run `lint-lists init` where your list is');
  return ['*.{md,markdown}'];
}
