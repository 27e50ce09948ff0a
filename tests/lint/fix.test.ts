import { lstatSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { styleSchema } from '../../src/config/style-schema.js';
import { fixDiff, fixText, MAX_FIX_PASSES } from '../../src/lint/fix.js';
import { processFile } from '../../src/lint/process-file.js';
import type { LintSetup } from '../../src/lint/setup.js';
import { defineRule } from '../../src/rules/define-rule.js';
import { createSetup } from './fixtures/fake-setup.js';
import { tempFolder } from './fixtures/temp.js';

const setup = createSetup();

function fixFile(cwd: string, name: string, mode: 'write' | 'dry-run' = 'write', using: LintSetup = setup) {
  return processFile({ file: name, absolutePath: path.join(cwd, name) }, using, { cwd, fix: mode });
}

describe('fix', () => {
  it('repeats until stable and reports what is left', () => {
    const fixed = fixText('a.md', '# Wow!!!!\n\n- a\tb TODO\n', setup);
    expect(fixed.text).toBe('# Wow!\n\n- a b TODO\n');
    expect(fixed.passes).toBe(3);
    expect(fixed.lint.diagnostics.map((d) => d.ruleId)).toEqual(['fake-todo']);
  });

  it('stops after MAX_FIX_PASSES when fixes never settle', () => {
    const flip = defineRule({
      id: 'flip',
      description: 'Flips x and y.',
      rationale: 'Tests.',
      fixable: true,
      defaultSeverity: 'error',
      options: z.object({}).strict(),
      messages: { flip: 'Flip' },
      examples: { valid: [], invalid: [] },
      check(ctx) {
        const i = ctx.doc.text.search(/[xy]/);
        const zero = { line: 1, column: 1, offset: 0 };
        if (i !== -1) ctx.report({ messageId: 'flip', at: { start: zero, end: zero }, fix: [{ start: i, end: i + 1, text: ctx.doc.text[i] === 'x' ? 'y' : 'x' }] });
      },
    });
    const flipping: LintSetup = { style: styleSchema.parse({}), styleOrigins: {}, rules: [{ rule: flip, severity: 'error', options: {} }], isKnownRuleId: () => true };
    const fixed = fixText('a.md', 'x\n', flipping);
    expect(fixed.passes).toBe(MAX_FIX_PASSES);
    expect(fixed.text).toBe('x\n');
  });

  it('keeps the BOM and CRLF line endings, including in inserted line breaks', async () => {
    const cwd = tempFolder();
    writeFileSync(path.join(cwd, 'crlf.md'), '\uFEFF# Title\r\n\r\n- a\tb@@- c\r\n');
    const outcome = await fixFile(cwd, 'crlf.md');
    expect(outcome.fix?.isWritten).toBe(true);
    expect(readFileSync(path.join(cwd, 'crlf.md'), 'utf8')).toBe('\uFEFF# Title\r\n\r\n- a b\r\n- c\r\n');
    expect(outcome.diagnostics).toEqual([]);
  });

  it('does not write a file with nothing to fix (bytes and mtime unchanged), and a fixed file stays fixed', async () => {
    const cwd = tempFolder();
    const file = path.join(cwd, 'a.md');
    writeFileSync(file, '# Fine\n\n- a b\n');
    utimesSync(file, new Date('2020-01-01'), new Date('2020-01-01'));
    const before = statSync(file).mtimeMs;
    const outcome = await fixFile(cwd, 'a.md');
    expect(outcome.fix?.isWritten).toBe(false);
    expect(statSync(file).mtimeMs).toBe(before);

    writeFileSync(path.join(cwd, 'b.md'), '# Fix!!\n\n- a\tb\n');
    expect((await fixFile(cwd, 'b.md')).fix?.isWritten).toBe(true);
    const once = readFileSync(path.join(cwd, 'b.md'));
    expect((await fixFile(cwd, 'b.md')).fix?.isWritten).toBe(false);
    expect(readFileSync(path.join(cwd, 'b.md'))).toEqual(once);
  });

  it('refuses to fix a symlinked file and says so', async () => {
    const cwd = tempFolder();
    writeFileSync(path.join(cwd, 'real.md'), '- a\tb\n');
    symlinkSync('real.md', path.join(cwd, 'link.md'));
    const outcome = await fixFile(cwd, 'link.md');
    expect(outcome.diagnostics.map((d) => `${d.ruleId}: ${d.message}`)).toContain(
      'file-unwritable: link.md: is a symlink; refusing to write fixes through it (fix the target instead)',
    );
    expect(readFileSync(path.join(cwd, 'real.md'), 'utf8')).toBe('- a\tb\n');
    expect(lstatSync(path.join(cwd, 'link.md')).isSymbolicLink()).toBe(true);
  });

  it('dry run: computes the fix and a unified diff, writes nothing', async () => {
    const cwd = tempFolder();
    writeFileSync(path.join(cwd, 'a.md'), '# T\n\n- a\tb\n');
    const outcome = await fixFile(cwd, 'a.md', 'dry-run');
    expect(readFileSync(path.join(cwd, 'a.md'), 'utf8')).toBe('# T\n\n- a\tb\n');
    expect(readdirSync(cwd)).toEqual(['a.md']);
    const diff = fixDiff('a.md', outcome.fix!.original, outcome.fix!.fixed);
    expect(diff).toContain('--- a/a.md');
    expect(diff).toContain('+++ b/a.md');
    expect(diff).toContain('-- a\tb');
    expect(diff).toContain('+- a b');
    expect(fixDiff('a.md', 'same', 'same')).toBe('');
  });
});
