// Old spellings of settings that moved: each is read in its new place for one more release, with a message saying what to write.
import type { SeveritySetting } from '../diagnostics.js';

/** A config layer after moving deprecated settings, and what to tell the user. */
export interface Migrated {
  config: Record<string, unknown>;
  warnings: string[];
}

const LINK_SEVERITY_KEYS = ['dead', 'error', 'timeout', 'redirect', 'unverifiable', 'archived'] as const;
const SEVERITIES: readonly string[] = ['off', 'warn', 'error'];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isSeverity(value: unknown): value is SeveritySetting {
  return typeof value === 'string' && SEVERITIES.includes(value);
}

/**
 * Moves deprecated settings of one config layer (as written, before validation) to where they live now:
 * `links.severity.<verdict>` and `links.redirects` → `rules["link-…"]`; `style.https` → `rules["link-https"]`;
 * `style.headings.case: "any"` → `rules["heading-case"]: "off"`; `entry-description-length`'s `min` option →
 * `style.entry.description.minLength`. A setting also written the new way keeps the new value. `where` names the
 * layer in messages (`lint-lists.config.json`, `package.json: lint-lists`).
 */
export function migrateDeprecated(input: Record<string, unknown>, where: string): Migrated {
  const config = structuredClone(input);
  const warnings: string[] = [];
  const rules: Record<string, unknown> = isObject(config.rules) ? config.rules : {};
  const setRule = (id: string, value: unknown): void => {
    if (!(id in rules)) rules[id] = value;
  };
  const links = config.links;
  if (isObject(links)) {
    migrateLinkSeverity(links, setRule, warnings, where);
    migrateRedirects(links, rules, warnings, where);
  }
  const style = config.style;
  if (isObject(style)) migrateStyle(style, setRule, warnings, where);
  migrateDescriptionMin(config, rules, warnings, where);
  if (Object.keys(rules).length > 0) config.rules = rules;
  return { config, warnings };
}

function migrateLinkSeverity(links: Record<string, unknown>, setRule: (id: string, value: unknown) => void, warnings: string[], where: string): void {
  const severity = links.severity;
  if (!isObject(severity)) return;
  const written: string[] = [];
  for (const key of LINK_SEVERITY_KEYS) {
    const value = severity[key];
    if (!isSeverity(value)) continue;
    setRule(`link-${key}`, value);
    written.push(`"link-${key}": "${value}"`);
  }
  // Anything left (a typo, a bad value) stays, so validation names it.
  for (const key of LINK_SEVERITY_KEYS) if (isSeverity(severity[key])) delete severity[key];
  if (Object.keys(severity).length === 0) delete links.severity;
  warnings.push(`${where}: links.severity is deprecated; write "rules": { ${written.join(', ')} } instead`);
}

function migrateRedirects(links: Record<string, unknown>, rules: Record<string, unknown>, warnings: string[], where: string): void {
  const redirects = links.redirects;
  if (!isObject(redirects)) return;
  const permanent = redirects.permanent;
  const temporary = redirects.temporary;
  if ((permanent !== undefined && !isSeverity(permanent)) || (temporary !== undefined && !isSeverity(temporary))) return;
  delete links.redirects;
  const options: Record<string, boolean> = {};
  if (permanent !== undefined) options.permanent = permanent !== 'off';
  if (temporary !== undefined) options.temporary = temporary !== 'off';
  const existing = rules['link-redirect'];
  const severity = isSeverity(existing) ? existing : Array.isArray(existing) && isSeverity(existing[0]) ? existing[0] : strongest([permanent, temporary]);
  const existingOptions = Array.isArray(existing) && isObject(existing[1]) ? existing[1] : {};
  rules['link-redirect'] = [severity, { ...options, ...existingOptions }];
  warnings.push(`${where}: links.redirects is deprecated; write "rules": { "link-redirect": ${JSON.stringify(rules['link-redirect'])} } instead`);
}

function strongest(values: unknown[]): SeveritySetting {
  if (values.includes('error')) return 'error';
  return 'warn';
}

function migrateStyle(style: Record<string, unknown>, setRule: (id: string, value: unknown) => void, warnings: string[], where: string): void {
  if (typeof style.https === 'boolean') {
    const isOn = style.https;
    delete style.https;
    if (!isOn) setRule('link-https', 'off');
    warnings.push(
      `${where}: style.https is deprecated; the rule's severity is the one switch: ${isOn ? 'remove it (link-https is on by default)' : 'write "rules": { "link-https": "off" } instead'}`,
    );
  }
  const headings = style.headings;
  if (isObject(headings) && headings.case === 'any') {
    delete headings.case;
    setRule('heading-case', 'off');
    warnings.push(`${where}: style.headings.case "any" is deprecated; leave it out, or write "rules": { "heading-case": "off" }`);
  }
}

function migrateDescriptionMin(config: Record<string, unknown>, rules: Record<string, unknown>, warnings: string[], where: string): void {
  const setting = rules['entry-description-length'];
  if (!Array.isArray(setting) || !isObject(setting[1]) || !('min' in setting[1])) return;
  const { min, ...rest } = setting[1];
  rules['entry-description-length'] = Object.keys(rest).length > 0 ? [setting[0], rest] : [setting[0]];
  const style = isObject(config.style) ? config.style : (config.style = {});
  const entry = isObject(style.entry) ? style.entry : (style.entry = {});
  const description = isObject(entry.description) ? entry.description : (entry.description = {});
  if (!('minLength' in description)) description.minLength = min;
  warnings.push(
    `${where}: rules.entry-description-length option "min" is deprecated; write "style": { "entry": { "description": { "minLength": ${JSON.stringify(min)} } } } beside maxLength instead`,
  );
}
