// The default setup module: loads the config (and rule registry) the same way in the main thread and in workers.
import { loadConfig } from '../config/load.js';
import type { ResolvedConfig } from '../config/resolve.js';
import type { ConfigInput } from '../config/schema.js';
import type { AnyRule } from '../rules/define-rule.js';
import { linkRules } from '../links/rules/index.js';
import { ENGINE_RULE_IDS, siblingModule, type LintSetup, type SetupSpec } from './setup.js';

/** Plain data a worker needs to load the same config as the main thread. */
export interface ConfigSetupData {
  cwd: string;
  configPath?: string;
  /** A config object used instead of any file (plain data, so workers can rebuild from it). */
  config?: ConfigInput;
  /** Settings from CLI flags (`--rule`…), merged over the file. */
  overrides?: ConfigInput;
  /** URL of the module exporting the rule registry as `rules`. */
  rulesModule: string;
  /** `lint-lists links`: read files for their links but report no lint rule. */
  isLinksOnly?: boolean;
}

// Set by the bundler (src/scripts/bundle.ts): its output is one flat folder, where the registry is `rules.js`.
declare const LINT_LISTS_BUNDLED: boolean | undefined;

/** URL of the real rule registry. */
export const DEFAULT_RULES_MODULE = siblingModule(import.meta.url, typeof LINT_LISTS_BUNDLED === 'boolean' ? './rules.js' : '../rules/index.js');

/** A SetupSpec that makes workers load config like the main thread. */
export function configSetupSpec(data: ConfigSetupData): SetupSpec {
  return { module: siblingModule(import.meta.url, './config-setup.js'), data };
}

/** Loads the registry from `rulesModule`. */
export async function loadRules(rulesModule: string): Promise<readonly AnyRule[]> {
  const loaded = (await import(rulesModule)) as { rules?: readonly AnyRule[] };
  if (!Array.isArray(loaded.rules)) throw new Error(`${rulesModule} does not export rules`);
  return loaded.rules;
}

/** Turns a resolved config into a setup; disable comments may name exactly the registered rules, link rules and engine ids. */
export function setupFromConfig(config: ResolvedConfig<AnyRule>, registry: readonly AnyRule[], isLinksOnly = false): LintSetup {
  const known = new Set([...registry.map((rule) => rule.id), ...linkRules.map((rule) => rule.id), ...ENGINE_RULE_IDS]);
  return {
    style: config.style,
    styleOrigins: config.styleOrigins,
    rules: isLinksOnly ? [] : config.rules,
    isKnownRuleId: (id) => known.has(id),
  };
}

/** Loads config and registry as `data` says; the entry point workers call. */
export async function createSetup(data: ConfigSetupData): Promise<LintSetup> {
  const { setup } = await loadConfigAndSetup(data);
  return setup;
}

/** Loads config and registry, returning both the config (for the CLI) and the setup. */
export async function loadConfigAndSetup(data: ConfigSetupData): Promise<{ config: ResolvedConfig<AnyRule>; setup: LintSetup; registry: readonly AnyRule[] }> {
  const registry = await loadRules(data.rulesModule);
  const config = await loadConfig({ cwd: data.cwd, configPath: data.configPath, config: data.config, rules: registry, linkRules, overrides: data.overrides });
  return { config, setup: setupFromConfig(config, registry, data.isLinksOnly), registry };
}
