import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findConfigFile, loadConfig } from '../../src/config/load.js';
import { LintListsError } from '../../src/errors.js';
import { rules as registry } from '../../src/rules/index.js';
import { fakeRules } from './fake-rules.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lint-lists-config-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(relative: string, content: string | object): Promise<string> {
  const file = path.join(dir, relative);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

async function loadError(options: { cwd?: string; configPath?: string }): Promise<LintListsError> {
  const error: unknown = await loadConfig({ cwd: options.cwd ?? dir, rules: fakeRules, ...(options.configPath ? { configPath: options.configPath } : {}) }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LintListsError);
  return error as LintListsError;
}

describe('findConfigFile', () => {
  it('prefers names in table order within a folder', async () => {
    await write('.lint-lists.yaml', 'files: [a]');
    await write('lint-lists.config.yml', 'files: [b]');
    expect((await findConfigFile(dir))?.path).toBe(path.join(dir, 'lint-lists.config.yml'));
    await write('lint-lists.config.json', { files: ['c'] });
    expect(await findConfigFile(dir)).toEqual({ path: path.join(dir, 'lint-lists.config.json'), format: 'json' });
  });

  it('walks up to the nearest folder with a config, skipping package.json without the key', async () => {
    await write('lint-lists.config.json', { files: ['top'] });
    await write('sub/package.json', { name: 'x' });
    await mkdir(path.join(dir, 'sub/deeper'), { recursive: true });
    expect((await findConfigFile(path.join(dir, 'sub/deeper')))?.path).toBe(path.join(dir, 'lint-lists.config.json'));
    await write('sub/package.json', { name: 'x', 'lint-lists': { files: ['pkg'] } });
    expect(await findConfigFile(path.join(dir, 'sub/deeper'))).toEqual({ path: path.join(dir, 'sub/package.json'), format: 'package-json' });
  });
});

describe('loadConfig', () => {
  it('falls back to the recommended defaults without a config file', async () => {
    const config = await loadConfig({ cwd: dir, rules: fakeRules });
    expect(config.file).toBeUndefined();
    expect(config.root).toBe(dir);
    expect(config.files).toEqual([]);
    expect(config.rules.map((r) => r.rule.id)).toEqual(['heading-case']);
  });

  it('reads YAML, package.json#lint-lists and applies CLI overrides last', async () => {
    await write('sub/lint-lists.config.yaml', 'style:\n  bullet: "*"\nrules:\n  entry-separator: warn\nfiles: [docs]\n');
    const config = await loadConfig({ cwd: path.join(dir, 'sub'), rules: fakeRules, overrides: { files: ['cli'], ignore: undefined } });
    expect(config.file).toBe('lint-lists.config.yaml');
    expect(config.root).toBe(path.join(dir, 'sub'));
    expect(config.style.bullet).toBe('*');
    expect(config.files).toEqual(['cli']);
    expect(config.rules.map((r) => [r.rule.id, r.severity])).toEqual([['entry-separator', 'warning'], ['heading-case', 'error']]);

    await write('pkg/package.json', { name: 'x', 'lint-lists': { rules: { 'heading-case': 'loud' } } });
    const error = await loadError({ cwd: path.join(dir, 'pkg') });
    expect(error.message).toBe('package.json:5:23: lint-lists.rules.heading-case: got "loud", expected "off", "warn" or "error"');
  });

  it('applies the awesome preset under the file and the file over it', async () => {
    await write('lint-lists.config.json', { extends: 'awesome', style: { toc: { required: false } } });
    // The preset sets real rules' options, so the real registry resolves it.
    const config = await loadConfig({ cwd: dir, rules: registry });
    expect(config.style.bullet).toBe('-');
    expect(config.style.sections.required).toEqual(['Contents']);
    expect(config.style.sections.entriesStart).toBe('after-toc');
    expect(config.style.toc.required).toBe(false);
    expect(config.style.entry.description).toMatchObject({ separator: ' - ', case: 'upper', end: ['.'] });
  });

  it('follows relative extends paths from the extending file, in order', async () => {
    await write('shared/base.yaml', 'extends: ./more.json\nstyle:\n  bullet: "+"\nrules:\n  heading-case: [error, {minWords: 4}]\n');
    await write('shared/more.json', { style: { toc: { required: true }, bullet: '*' }, files: ['more'] });
    await write('project/lint-lists.config.json', { extends: ['lint-lists:recommended', '../shared/base.yaml'], rules: { 'heading-case': 'warn' } });
    const config = await loadConfig({ cwd: path.join(dir, 'project'), rules: fakeRules });
    expect(config.style.bullet).toBe('+');
    expect(config.style.toc.required).toBe(true);
    expect(config.files).toEqual(['more']);
    expect(config.rules.map((r) => [r.rule.id, r.severity, r.options])).toEqual([['heading-case', 'warning', { ignoreTitle: true, minWords: 4 }]]);
  });

  it('detects extends cycles', async () => {
    await write('a.json', { extends: './b.json' });
    await write('b.json', { extends: './a.json' });
    const error = await loadError({ configPath: 'a.json' });
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toBe('b.json: extends: cycle a.json → b.json → a.json');
  });

  it('rejects unknown presets with a suggestion, and missing extended files', async () => {
    await write('lint-lists.config.json', { extends: 'awsome' });
    const error = await loadError({});
    expect(error.code).toBe('PRESET_UNKNOWN');
    expect(error.message).toMatch(/^lint-lists\.config\.json: extends: unknown preset "awsome" \(did you mean "awesome"\?\)/);
    await write('lint-lists.config.json', { extends: ['awesome', './missing.yaml'] });
    const missing = await loadError({});
    expect(missing.code).toBe('CONFIG_NOT_FOUND');
    expect(missing.message).toContain('"./missing.yaml" not found');
  });

  it('names file:line:col for JSON and YAML syntax errors', async () => {
    await write('bad.json', '{\n  "files": ["a"],\n  "ignore": [}\n}\n');
    const json = await loadError({ configPath: 'bad.json' });
    expect(json.code).toBe('CONFIG_PARSE');
    expect(json.message).toBe('bad.json:3:14: invalid JSON: unexpected "}", expected a value');
    await write('bad.yaml', 'files:\n  - a\n style: x\n');
    const yaml = await loadError({ configPath: 'bad.yaml' });
    expect(yaml.code).toBe('CONFIG_PARSE');
    expect(yaml.message).toMatch(/^bad\.yaml:3:\d+: invalid YAML: /);
    await write('dupe.yaml', 'files: [a]\nfiles: [b]\n');
    expect((await loadError({ configPath: 'dupe.yaml' })).message).toMatch(/^dupe\.yaml:2:1: invalid YAML: .*unique/i);
  });

  it('reads comments and trailing commas in .json and .jsonc configs', async () => {
    await write('lint-lists.config.jsonc', '// House style\n{\n  "files": ["docs", /* later: "more" */],\n  "rules": { "heading-case": "warn", },\n}\n');
    const config = await loadConfig({ cwd: dir, rules: fakeRules });
    expect(config.file).toBe('lint-lists.config.jsonc');
    expect(config.files).toEqual(['docs']);
    await write('commented.json', '{\n  // why\n  "files": ["x"]\n}\n');
    expect((await loadConfig({ cwd: dir, rules: fakeRules, configPath: 'commented.json' })).files).toEqual(['x']);
  });

  it('reports every problem at once, each with file:line:col (JSON with comments and YAML)', async () => {
    await write(
      'all.jsonc',
      '{\n  // comment\n  "files": "docs",\n  "styel": {},\n  "rules": {\n    "heading-cse": "warn",\n    "heading-case": ["warn", { "minWords": 0 }]\n  }\n}\n',
    );
    const json = await loadError({ configPath: 'all.jsonc' });
    expect(json.code).toBe('CONFIG_INVALID');
    expect(json.message.split('\n')).toEqual([
      'all.jsonc:3:12: files: got "docs", expected an array',
      expect.stringMatching(/^all\.jsonc:4:3: styel: unknown key, expected one of .*\(did you mean "style"\?\)$/),
      'all.jsonc:6:5: rules: unknown rule "heading-cse" (did you mean "heading-case"?)',
      'all.jsonc:7:44: rules.heading-case[1].minWords: got 0, expected a number >= 1',
    ]);
    await write('all.yaml', 'files: docs\nrules:\n  heading-cse: warn\n  heading-case: [warn, {minWords: 0}]\n');
    const yaml = await loadError({ configPath: 'all.yaml' });
    expect(yaml.message.split('\n')).toEqual([
      'all.yaml:1:8: files: got "docs", expected an array',
      'all.yaml:3:3: rules: unknown rule "heading-cse" (did you mean "heading-case"?)',
      'all.yaml:4:35: rules.heading-case[1].minWords: got 0, expected a number >= 1',
    ]);
  });

  it('rejects a non-object config, a missing --config file and JavaScript configs', async () => {
    await write('list.yaml', '- a\n- b\n');
    expect((await loadError({ configPath: 'list.yaml' })).message).toBe('list.yaml: got ["a","b"], expected an object');
    const missing = await loadError({ configPath: 'nope.json' });
    expect(missing.code).toBe('CONFIG_NOT_FOUND');
    expect(missing.message).toBe('nope.json: config file not found');
    await write('lint-lists.config.js', 'export default {}');
    expect((await loadError({ configPath: 'lint-lists.config.js' })).message).toContain('JavaScript config files are not supported');
  });

  it('treats an empty YAML file as an empty config', async () => {
    await write('.lint-lists.yaml', '');
    const config = await loadConfig({ cwd: dir, rules: fakeRules });
    expect(config.file).toBe('.lint-lists.yaml');
    expect(config.rules).toHaveLength(1);
  });
});

describe('loadConfig overrides', () => {
  it('blames bad CLI overrides on the command line', async () => {
    await write('lint-lists.config.json', { files: ['lists'] });
    const error: unknown = await loadConfig({ cwd: dir, rules: fakeRules, overrides: { rules: { 'heading-case': 'loud' as 'warn' } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LintListsError);
    expect((error as LintListsError).message).toBe('command line: rules.heading-case: got "loud", expected "off", "warn" or "error"');
  });
});

describe('loadConfig error places', () => {
  it('names the extended file that holds the bad setting, relative to the working directory', async () => {
    await write('base.yaml', 'rules:\n  heading-cse: warn\n');
    await write('lint-lists.config.json', { extends: './base.yaml' });
    await mkdir(path.join(dir, 'sub'));
    const error = await loadError({ cwd: path.join(dir, 'sub') });
    expect(error.code).toBe('RULE_UNKNOWN');
    expect(error.message).toBe('../base.yaml:2:3: rules: unknown rule "heading-cse" (did you mean "heading-case"?)');
    await write('lint-lists.config.json', { rules: { 'heading-case': 'warn' } });
    expect((await loadConfig({ cwd: path.join(dir, 'sub'), rules: fakeRules })).file).toBe('../lint-lists.config.json');
  });
});
