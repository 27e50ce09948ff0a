// Finds, reads and parses config files (JSON, YAML, package.json#lint-lists), follows `extends`, and resolves the result.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { isLintListsError, LintListsError } from '../errors.js';
import { displayPath } from '../paths.js';
import { CONFIG_FILE_NAMES, PACKAGE_JSON_KEY, type ConfigFormat } from './defaults.js';
import { describeValue } from './issues.js';
import { parseJsonc } from './json-syntax.js';
import { jsonLocator, lineColumn, type Locate } from './locate.js';
import { isConfigPath, isPresetName, presets, RECOMMENDED_PRESET } from './presets.js';
import { migrateDeprecated } from './deprecations.js';
import { styleOrigins, type ConfigLayer } from './style-origins.js';
import { applyOverrides, dropUndefined, mergeConfigs, resolveConfig, ruleSettingProblems, validateConfig, validateRuleSettings, type ConfigurableRule, type ResolvedConfig } from './resolve.js';
import type { ConfigInput } from './schema.js';
import { closestMatch } from './suggest.js';

/** A config file found on disk. */
export interface ConfigLocation {
  /** Absolute path. */
  path: string;
  format: ConfigFormat;
}

/** One config file, read and checked against the schema (defaults not yet applied). */
export interface ConfigSource extends ConfigLocation {
  /** How error messages name the file: relative to the working directory when inside it. */
  display: string;
  config: ConfigInput;
  /** `['lint-lists']` for package.json, where the config sits under a key. */
  prefix: string[];
}

/** What `loadConfig` needs. */
export interface LoadConfigOptions<R extends ConfigurableRule = ConfigurableRule> {
  /** Where discovery starts and what paths are shown relative to. */
  cwd: string;
  /** `--config`: this file, no discovery. */
  configPath?: string;
  /** A config object used instead of any file (the API's `createLinter(config)`); `extends` paths resolve against `cwd`. */
  config?: ConfigInput;
  /** The rule registry. */
  rules: readonly R[];
  /** The link rules, whose severity is set under `rules` too. */
  linkRules?: readonly ConfigurableRule[];
  /** Settings from CLI flags, merged last (undefined values dropped). */
  overrides?: ConfigInput;
}

/** Longest `extends` chain followed; deeper is surely a mistake. */
const MAX_EXTENDS_DEPTH = 32;

/** Walks up from `cwd` to the filesystem root; in the first folder holding a config file, returns the first name that matches. */
export async function findConfigFile(cwd: string): Promise<ConfigLocation | undefined> {
  let dir = path.resolve(cwd);
  for (;;) {
    for (const { name, format } of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (!(await isFile(candidate))) continue;
      if (format === 'package-json' && !(await hasPackageKey(candidate, cwd))) continue;
      return { path: candidate, format };
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Finds (or takes `configPath`), reads and resolves the config; without any config file, the recommended defaults. */
export async function loadConfig<R extends ConfigurableRule>(options: LoadConfigOptions<R>): Promise<ResolvedConfig<R>> {
  const cwd = path.resolve(options.cwd);
  const context: Required<ReadContext> = { cwd, rules: options.rules, linkRules: options.linkRules ?? [], warnings: [] };
  let location: ConfigLocation | undefined;
  if (options.config !== undefined) {
    location = undefined;
  } else if (options.configPath !== undefined) {
    const absolute = path.resolve(cwd, options.configPath);
    if (!(await isFile(absolute))) {
      throw new LintListsError('CONFIG_NOT_FOUND', `${displayPath(cwd, absolute)}: config file not found`);
    }
    location = { path: absolute, format: formatOf(absolute) };
  } else {
    location = await findConfigFile(cwd);
  }
  const layers: ConfigLayer[] = [{ config: presets[RECOMMENDED_PRESET]!, origin: `preset "${RECOMMENDED_PRESET}"` }];
  let source: ConfigSource | undefined;
  if (location) {
    source = await readConfigFile(location, context);
    layers.push(...(await expandExtends(source, context, [])));
  } else if (options.config !== undefined) {
    const display = 'config';
    const migrated = isObject(options.config) ? migrateDeprecated(options.config, display) : { config: options.config, warnings: [] };
    context.warnings.push(...migrated.warnings);
    const config = validateConfig(migrated.config, display);
    validateRuleSettings(config, { rules: options.rules, linkRules: context.linkRules, file: display });
    // Not a file: it has no folder of its own, so `extends` and `files` are relative to `cwd`.
    const inline: ConfigSource = { path: path.join(cwd, display), format: 'json', display, config, prefix: [] };
    layers.push(...(await expandExtends(inline, context, [])));
  }
  let merged = mergeConfigs(...layers.map((layer) => layer.config));
  if (options.overrides) {
    // Checked on their own so a bad flag is blamed on the command line, not on the config file.
    const overrides = validateConfig(dropUndefined(options.overrides), 'command line');
    validateRuleSettings(overrides, { rules: options.rules, linkRules: context.linkRules, file: 'command line' });
    merged = applyOverrides(merged, overrides);
    layers.push({ config: overrides, origin: 'command line' });
  }
  const root = source ? path.dirname(source.path) : cwd;
  const resolved = resolveConfig(merged, { rules: options.rules, linkRules: context.linkRules, warnings: context.warnings, root, ...(source ? { file: source.display } : {}) });
  resolved.styleOrigins = styleOrigins(layers);
  return resolved;
}

/** What reading config files needs: where paths are shown from, the rules settings are checked against, and where deprecation warnings go. */
export interface ReadContext {
  cwd: string;
  rules: readonly ConfigurableRule[];
  linkRules?: readonly ConfigurableRule[];
  warnings?: string[];
}

/**
 * Reads and parses one config file and checks it against the schema (and its rule settings against the
 * registry). Every problem is reported at once, each as `file:line:col: key.path: …`.
 */
export async function readConfigFile(location: ConfigLocation, context: ReadContext): Promise<ConfigSource> {
  const display = displayPath(context.cwd, location.path);
  let text: string;
  try {
    text = await readFile(location.path, 'utf8');
  } catch (error) {
    throw new LintListsError('CONFIG_NOT_FOUND', `${display}: cannot read config file (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`, { cause: error });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let prefix: string[] = [];
  // The YAML parser loads only for a YAML config: most runs read none.
  const parsed = location.format === 'yaml' ? (await import('./yaml-config.js')).parseYaml(text, display) : parseJson(text, display);
  const locate = parsed.locate;
  let value = parsed.value;
  if (location.format === 'package-json') {
    prefix = [PACKAGE_JSON_KEY];
    value = isObject(value) ? value[PACKAGE_JSON_KEY] : undefined;
  }
  // An empty YAML file is an empty config.
  if (value === null && location.format === 'yaml') value = {};
  if (!isObject(value)) {
    const where = prefix.length > 0 ? `${display}: ${prefix.join('.')}` : display;
    throw new LintListsError('CONFIG_INVALID', `${where}: got ${describeValue(value)}, expected an object`);
  }
  const migrated = migrateDeprecated(value, prefix.length > 0 ? `${display}: ${prefix.join('.')}` : display);
  context.warnings?.push(...migrated.warnings);
  const lines: string[] = [];
  let code: 'CONFIG_INVALID' | 'RULE_UNKNOWN' = 'CONFIG_INVALID';
  try {
    validateConfig(migrated.config, display, prefix, locate);
  } catch (error) {
    if (!isLintListsError(error)) throw error;
    lines.push(...error.message.split('\n'));
  }
  const rules = ruleSettingProblems(migrated.config as ConfigInput, { rules: context.rules, linkRules: context.linkRules, file: display, prefix, locate });
  if (lines.length === 0 && rules.hasOnlyUnknownRules) code = 'RULE_UNKNOWN';
  lines.push(...rules.lines);
  if (lines.length > 0) throw new LintListsError(code, lines.join('\n'));
  return { ...location, display, config: migrated.config as ConfigInput, prefix };
}

/** The layers a config stands for, in merge order: what it extends (recursively), then itself. */
async function expandExtends(source: ConfigSource, context: ReadContext, chain: string[]): Promise<ConfigLayer[]> {
  if (chain.includes(source.path)) {
    const cycle = [...chain.slice(chain.indexOf(source.path)), source.path].map((p) => displayPath(context.cwd, p));
    throw new LintListsError('CONFIG_INVALID', `${displayPath(context.cwd, chain[chain.length - 1]!)}: extends: cycle ${cycle.join(' → ')}`);
  }
  if (chain.length >= MAX_EXTENDS_DEPTH) {
    throw new LintListsError('CONFIG_INVALID', `${source.display}: extends: chain deeper than ${MAX_EXTENDS_DEPTH} files`);
  }
  const entries = source.config.extends === undefined ? [] : [source.config.extends].flat();
  const layers: ConfigLayer[] = [];
  const where = [...source.prefix, 'extends'].join('.');
  for (const entry of entries) {
    if (isPresetName(entry)) {
      layers.push({ config: presets[entry]!, origin: `preset "${entry}"` });
    } else if (isConfigPath(entry)) {
      const absolute = path.resolve(path.dirname(source.path), entry);
      if (!(await isFile(absolute))) {
        throw new LintListsError('CONFIG_NOT_FOUND', `${source.display}: ${where}: ${JSON.stringify(entry)} not found (looked for ${displayPath(context.cwd, absolute)})`);
      }
      const extended = await readConfigFile({ path: absolute, format: formatOf(absolute) }, context);
      layers.push(...(await expandExtends(extended, context, [...chain, source.path])));
    } else {
      const suggestion = closestMatch(entry, Object.keys(presets));
      const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
      const allowed = Object.keys(presets).map((name) => JSON.stringify(name)).join(', ');
      throw new LintListsError('PRESET_UNKNOWN', `${source.display}: ${where}: unknown preset ${JSON.stringify(entry)}${hint}, expected ${allowed} or a relative path to a config file`);
    }
  }
  layers.push({ config: source.config, origin: source.display });
  return layers;
}

/** A parsed config text and how to find its keys again. */
interface ParsedConfig {
  value: unknown;
  locate: Locate;
}

/** Parses JSON (comments and trailing commas allowed, as in `.jsonc`), reporting every syntax error as file:line:col. */
function parseJson(text: string, display: string): ParsedConfig {
  const parsed = parseJsonc(text);
  if (parsed.errors.length > 0) {
    const lines = parsed.errors.map((error) => {
      const { line, column } = lineColumn(text, error.offset);
      return `${display}:${line}:${column}: invalid JSON: ${error.reason}`;
    });
    throw new LintListsError('CONFIG_PARSE', lines.join('\n'));
  }
  return { value: parsed.value, locate: jsonLocator(text, parsed.tree) };
}


function formatOf(file: string): ConfigFormat {
  const base = path.basename(file).toLowerCase();
  if (base === 'package.json') return 'package-json';
  if (base.endsWith('.json') || base.endsWith('.jsonc')) return 'json';
  if (/\.(?:c|m)?[jt]s$/.test(base)) {
    throw new LintListsError('CONFIG_INVALID', `${base}: JavaScript config files are not supported, use lint-lists.config.json or lint-lists.config.yaml`);
  }
  // YAML also reads JSON, so anything else is read as YAML.
  return 'yaml';
}

async function hasPackageKey(file: string, cwd: string): Promise<boolean> {
  const text = await readFile(file, 'utf8');
  const { value } = parseJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, displayPath(cwd, file));
  return isObject(value) && Object.hasOwn(value, PACKAGE_JSON_KEY);
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
