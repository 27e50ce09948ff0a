// `--print-config FILE`: the style a file is linted with and where each value came from, as JSON on stdout.
import path from 'node:path';
import type { ConfigInput } from '../../config/schema.js';
import { loadRunConfig } from '../../engine/load.js';
import { LintListsError } from '../../errors.js';
import { describeFileStyle } from '../../lint/file-style.js';
import { readListFile } from '../../lint/read-file.js';
import { displayPath } from '../../paths.js';
import type { Io } from '../io.js';

/** Prints `{ file, config, style, sources }` for `file`; a file that cannot be read is a usage error naming it. */
export async function runPrintConfig(options: { file: string; configPath?: string; overrides?: ConfigInput }, io: Io): Promise<number> {
  const loaded = await loadRunConfig({ cwd: io.cwd, configPath: options.configPath, overrides: options.overrides });
  for (const warning of loaded.config.warnings) io.stderr(`lint-lists: ${warning}\n`);
  const absolute = path.resolve(io.cwd, options.file);
  const file = displayPath(io.cwd, absolute);
  const read = await readListFile(file, absolute, { cwd: io.cwd });
  if (!read.ok) throw new LintListsError('USAGE', `--print-config ${read.message}`);
  const described = describeFileStyle(file, read.text, loaded.setup, { path: absolute, rootDir: loaded.config.root });
  const printed = { file, config: loaded.config.file ?? null, style: described.style, sources: described.sources };
  io.stdout(`${JSON.stringify(printed, null, 2)}\n`);
  return 0;
}
