// Deprecated spellings are read in their new place, with a message saying what to write instead.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { migrateDeprecated } from '../../src/config/deprecations.js';
import { linkRules } from '../../src/links/rules/index.js';
import { rules } from '../../src/rules/index.js';
import { tempFolder } from '../lint/fixtures/temp.js';

async function load(config: unknown) {
  const cwd = tempFolder();
  mkdirSync(path.join(cwd, 'lists'));
  writeFileSync(path.join(cwd, 'lint-lists.config.json'), JSON.stringify(config));
  return loadConfig({ cwd, rules, linkRules });
}

const severityOf = (config: Awaited<ReturnType<typeof load>>, id: string) => config.rules.find((r) => r.rule.id === id)?.severity;

describe('deprecated settings', () => {
  it('links.severity becomes the link rules\' severities, saying what to write', async () => {
    const config = await load({ links: { severity: { dead: 'warn', archived: 'off' } } });
    expect(config.linkRules['link-dead']!.severity).toBe('warn');
    expect(config.linkRules['link-archived']!.severity).toBe('off');
    expect(config.linkRules['link-error']!.severity).toBe('error');
    expect(config.warnings).toEqual(['lint-lists.config.json: links.severity is deprecated; write "rules": { "link-dead": "warn", "link-archived": "off" } instead']);
  });

  it('links.redirects becomes link-redirect\'s options; an explicit rules entry wins', async () => {
    const config = await load({ links: { redirects: { temporary: 'warn' } }, rules: { 'link-redirect': 'error' } });
    expect(config.linkRules['link-redirect']).toEqual({ severity: 'error', options: { permanent: true, temporary: true } });
    expect(config.warnings[0]).toBe('lint-lists.config.json: links.redirects is deprecated; write "rules": { "link-redirect": ["error",{"temporary":true}] } instead');
  });

  it('style.https: false switches link-https off', async () => {
    const config = await load({ style: { https: false } });
    expect(severityOf(config, 'link-https')).toBeUndefined();
    expect(config.warnings[0]).toContain('style.https is deprecated');
    expect(severityOf(await load({}), 'link-https')).toBe('warning');
  });

  it('style.headings.case "any" switches heading-case off', async () => {
    const config = await load({ style: { headings: { case: 'any' } } });
    expect(config.style.headings.case).toBeUndefined();
    expect(severityOf(config, 'heading-case')).toBeUndefined();
    expect(config.warnings[0]).toContain('style.headings.case "any" is deprecated');
  });

  it('entry-description-length\'s min option becomes style.entry.description.minLength', async () => {
    const config = await load({ rules: { 'entry-description-length': ['error', { min: 12 }] } });
    expect(config.style.entry.description.minLength).toBe(12);
    expect(severityOf(config, 'entry-description-length')).toBe('error');
    expect(config.warnings[0]).toContain('"minLength": 12');
  });

  it('leaves a current config alone, and a malformed old key to validation', () => {
    expect(migrateDeprecated({ rules: { 'link-dead': 'warn' } }, 'c.json')).toEqual({ config: { rules: { 'link-dead': 'warn' } }, warnings: [] });
    expect(migrateDeprecated({ links: { redirects: { permanent: 'loud' } } }, 'c.json').config).toEqual({ links: { redirects: { permanent: 'loud' } } });
  });
});

describe('link rules under rules', () => {
  it('accept severities and options like any rule, and name typos with a suggestion', async () => {
    const config = await load({ rules: { 'link-dead': 'warn', 'link-redirect': ['warn', { temporary: true }] } });
    expect(config.linkRules['link-dead']!.severity).toBe('warn');
    expect(config.linkRules['link-redirect']!.options).toEqual({ permanent: true, temporary: true });
    await expect(load({ rules: { 'link-daed': 'warn' } })).rejects.toThrow(/lint-lists.config.json:1:\d+: rules: unknown rule "link-daed" \(did you mean "link-dead"\?\)/);
    await expect(load({ rules: { 'link-redirect': ['warn', { sometimes: true }] } })).rejects.toThrow('rules.link-redirect[1].sometimes');
  });
});
