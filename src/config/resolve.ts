// Resolves validated config layers into the settings a run uses: merged style, active rules with checked options, links.
import { toSeverity, type Severity, type SeveritySetting } from '../diagnostics.js';
import { LintListsError } from '../errors.js';
import type * as z from 'zod';
import { DEFAULT_FILES, DEFAULT_IGNORE } from './defaults.js';
import { formatIssues, placeOf } from './issues.js';
import type { Locate } from './locate.js';
import { linksSchema, type LinksConfig } from './links-schema.js';
import { configSchema, type ConfigInput, type RuleSetting } from './schema.js';
import { styleSchema, type Style } from './style-schema.js';
import { closestMatch } from './suggest.js';

/** What the config needs to know of a rule, lint or link: id, description, default severity and options schema. */
export interface ConfigurableRule {
  id: string;
  description: string;
  defaultSeverity: SeveritySetting;
  options: z.ZodType;
}

/** A rule switched on, with its severity and validated options. */
export interface ActiveRule<R extends ConfigurableRule = ConfigurableRule> {
  rule: R;
  severity: Severity;
  options: unknown;
}

/** A link rule's setting as resolved: severity (possibly `off`) and validated options. */
export interface LinkRuleSetting {
  severity: SeveritySetting;
  options: unknown;
}

/** The settings one run uses, after presets, `extends`, the config file and CLI overrides are merged. */
export interface ResolvedConfig<R extends ConfigurableRule = ConfigurableRule> {
  /** The config file the settings came from (relative to the working directory when inside it); absent for defaults. */
  file?: string;
  /** Folder that `files` and `ignore` are relative to: the config file's folder, or the working directory. */
  root: string;
  style: Style;
  /**
   * Style path (`entry.description.separator`) → where its value was set (`preset "awesome"`, a config file,
   * `command line`). Paths missing here hold defaults, which a file's own entries may override (style inference).
   */
  styleOrigins: Record<string, string>;
  /** Rules switched on, in registry order, with their severity and validated options. */
  rules: Array<ActiveRule<R>>;
  /** Link rule id → severity and options, for every registered link rule (set under `rules` like any rule). */
  linkRules: Record<string, LinkRuleSetting>;
  files: string[];
  ignore: string[];
  links: LinksConfig;
  /** Deprecated settings that were read in their new place: say what to write instead. */
  warnings: string[];
}

/** What resolving needs besides the config: the rule registry (a parameter so tests can pass fake rules). */
export interface ResolveOptions<R extends ConfigurableRule = ConfigurableRule> {
  rules: readonly R[];
  /** The link rules: their severity and options are set under `rules` too. */
  linkRules?: readonly ConfigurableRule[];
  /** Deprecation warnings gathered while reading the layers. */
  warnings?: string[];
  /** Shown in error messages and kept as `ResolvedConfig.file`. */
  file?: string;
  /** Defaults to the working directory. */
  root?: string;
  /** Path of the config inside its file (`['lint-lists']` for package.json), for error messages. */
  prefix?: string[];
  /** Finds paths in the file's text, for `file:line:col` in error messages. */
  locate?: Locate;
}

/** Keys that must never be copied from parsed input: they would reach `Object.prototype`. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep-merges `over` onto `base`: objects merge key by key, arrays and scalars replace, undefined is dropped. */
export function deepMerge(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(over)) return over;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(base)) if (!UNSAFE_KEYS.has(key)) out[key] = value;
  for (const [key, value] of Object.entries(over)) {
    if (UNSAFE_KEYS.has(key) || value === undefined) continue;
    out[key] = deepMerge(out[key], value);
  }
  return out;
}

/**
 * Merges config layers in order, later winning. `style` and `links` merge deeply; `files` and `ignore`
 * replace; a rule set to a bare severity keeps the options an earlier layer gave it.
 */
export function mergeConfigs(...layers: ConfigInput[]): ConfigInput {
  let merged: ConfigInput = {};
  for (const layer of layers) {
    const { rules, extends: _extends, $schema: _schema, ...rest } = layer;
    merged = deepMerge(merged, rest) as ConfigInput;
    if (rules) {
      const next: Record<string, RuleSetting> = { ...merged.rules };
      for (const [id, setting] of Object.entries(rules)) {
        if (UNSAFE_KEYS.has(id) || setting === undefined) continue;
        const previous = next[id];
        next[id] = typeof setting === 'string' && Array.isArray(previous) && previous[1] !== undefined ? [setting, previous[1]] : setting;
      }
      merged.rules = next;
    }
  }
  return merged;
}

/** Merges CLI-derived settings over the file config; undefined values (flags not given) are dropped first. */
export function applyOverrides(config: ConfigInput, overrides: ConfigInput): ConfigInput {
  return mergeConfigs(config, dropUndefined(overrides) as ConfigInput);
}

/** A copy of `value` without undefined object values, at any depth. */
export function dropUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropUndefined);
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (inner !== undefined && !UNSAFE_KEYS.has(key)) out[key] = dropUndefined(inner);
  }
  return out;
}

/** Validates a whole config object against the config schema; throws CONFIG_INVALID listing every problem. */
export function validateConfig(raw: unknown, file: string, prefix: string[] = [], locate?: Locate): ConfigInput {
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    const lines = formatIssues(result.error.issues, { file, input: raw, schema: configSchema, prefix, ...(locate ? { locate } : {}) });
    throw new LintListsError('CONFIG_INVALID', lines.join('\n'), { cause: result.error });
  }
  // The raw input, not zod's output: defaults are applied once, after every layer is merged.
  return raw as ConfigInput;
}

/** Checks every rule id and rule options of one layer, so errors name the file that set them; all problems in one error. */
export function validateRuleSettings(config: ConfigInput, options: ResolveOptions): void {
  const problems = ruleSettingProblems(config, options);
  if (problems.lines.length === 0) return;
  throw new LintListsError(problems.hasOnlyUnknownRules ? 'RULE_UNKNOWN' : 'CONFIG_INVALID', problems.lines.join('\n'));
}

/** One message line per unknown rule id or bad rule option in `config.rules` (entries that are not settings are skipped). */
export function ruleSettingProblems(config: ConfigInput, options: ResolveOptions): { lines: string[]; hasOnlyUnknownRules: boolean } {
  const byId = new Map<string, ConfigurableRule>([...options.rules, ...(options.linkRules ?? [])].map((rule) => [rule.id, rule]));
  const file = options.file ?? 'config';
  const lines: string[] = [];
  let hasOnlyUnknownRules = true;
  const rules = isPlainObject(config.rules) ? config.rules : {};
  for (const [id, setting] of Object.entries(rules)) {
    const rule = byId.get(id);
    if (!rule) {
      const suggestion = closestMatch(id, byId.keys());
      const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
      const rulesPath = [...(options.prefix ?? []), 'rules'];
      lines.push(`${placeOf(file, [...rulesPath, id], options.locate, true)}: ${rulesPath.join('.')}: unknown rule "${id}"${hint}`);
      continue;
    }
    if (!Array.isArray(setting) || setting[1] === undefined) continue;
    const result = rule.options.safeParse(setting[1]);
    if (result.success) continue;
    hasOnlyUnknownRules = false;
    lines.push(...ruleOptionIssues(rule, setting[1], result.error.issues, { ...options, file }));
  }
  return { lines, hasOnlyUnknownRules };
}

function ruleOptionIssues(rule: ConfigurableRule, input: unknown, issues: Parameters<typeof formatIssues>[0], options: ResolveOptions): string[] {
  return formatIssues(issues, {
    file: options.file ?? 'config',
    input,
    schema: rule.options,
    prefix: [...(options.prefix ?? []), 'rules', rule.id, 1],
    ...(options.locate ? { locate: options.locate } : {}),
  });
}

function parseRuleOptions(rule: ConfigurableRule, input: unknown, options: ResolveOptions): unknown {
  const result = rule.options.safeParse(input);
  if (result.success) return result.data;
  throw new LintListsError('CONFIG_INVALID', ruleOptionIssues(rule, input, result.error.issues, options).join('\n'), { cause: result.error });
}

/** Resolves one (merged) config: validates it, applies every default and switches on the configured rules. */
export function resolveConfig<R extends ConfigurableRule>(raw: unknown, options: ResolveOptions<R>): ResolvedConfig<R> {
  const file = options.file ?? 'config';
  const config = validateConfig(raw, file, options.prefix);
  validateRuleSettings(config, options);
  const rules: Array<ActiveRule<R>> = [];
  for (const rule of options.rules) {
    const { severity: severitySetting, options: ruleOptions } = ruleSetting(rule, config, options);
    const severity = toSeverity(severitySetting);
    if (severity !== undefined) rules.push({ rule, severity, options: ruleOptions });
  }
  const linkRules: Record<string, LinkRuleSetting> = {};
  for (const rule of options.linkRules ?? []) linkRules[rule.id] = ruleSetting(rule, config, options);
  const resolved: ResolvedConfig<R> = {
    root: options.root ?? process.cwd(),
    style: styleSchema.parse(config.style ?? {}),
    styleOrigins: {},
    rules,
    linkRules,
    files: [...(config.files ?? DEFAULT_FILES)],
    ignore: [...(config.ignore ?? DEFAULT_IGNORE)],
    links: linksSchema.parse(config.links ?? {}),
    warnings: [...(options.warnings ?? [])],
  };
  if (options.file !== undefined) resolved.file = options.file;
  return resolved;
}

/** One rule's severity setting and validated options: the config's entry, else the rule's defaults. */
function ruleSetting(rule: ConfigurableRule, config: ConfigInput, options: ResolveOptions): LinkRuleSetting {
  const setting = config.rules?.[rule.id];
  const severity: SeveritySetting = setting === undefined ? rule.defaultSeverity : Array.isArray(setting) ? setting[0] : setting;
  const optionsInput = Array.isArray(setting) ? (setting[1] ?? {}) : {};
  return { severity, options: parseRuleOptions(rule, optionsInput, options) };
}
