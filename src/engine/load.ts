// Loads what a run needs once: the config (a file found from `cwd`, a given file, or an object), the rule registry and the lint setup.
import path from 'node:path';
import type { ConfigInput } from '../config/schema.js';
import { configSetupSpec, DEFAULT_RULES_MODULE, loadConfigAndSetup } from '../lint/config-setup.js';
import type { RunConfig } from './run.js';

/** Where a run's config comes from. */
export interface LoadRunConfigOptions {
  /** Where the config search starts and paths are shown from. */
  cwd: string;
  /** A config file to use instead of searching for one. */
  configPath?: string;
  /** A config object to use instead of any file. */
  config?: ConfigInput;
  /** Settings merged over the config (`--rule` overrides). */
  overrides?: ConfigInput;
  /** `lint-lists links`: files are read for their links, no lint rule is reported. */
  isLinksOnly?: boolean;
  /** URL of the module exporting the rule registry; tests swap in fake rules. */
  rulesModule?: string;
}

/** Loads and resolves the config and rules once; pass the result to `runLint` as often as needed. */
export async function loadRunConfig(options: LoadRunConfigOptions): Promise<RunConfig> {
  const data = {
    cwd: path.resolve(options.cwd),
    ...(options.configPath !== undefined ? { configPath: options.configPath } : {}),
    ...(options.config !== undefined ? { config: options.config } : {}),
    ...(options.overrides !== undefined ? { overrides: options.overrides } : {}),
    rulesModule: options.rulesModule ?? DEFAULT_RULES_MODULE,
    isLinksOnly: options.isLinksOnly === true,
  };
  const { config, setup, registry } = await loadConfigAndSetup(data);
  return { config, setup, registry, setupSpec: configSetupSpec(data) };
}
