import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandInputs } from '../../src/lint/files.js';
import { tempFolder } from './fixtures/temp.js';

function tree(root: string, files: string[]): void {
  for (const file of files) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), '# x\n');
  }
}

const names = (found: { files: Array<{ file: string }> }): string[] => found.files.map((f) => f.file);

describe('expandInputs', () => {
  it('walks folders for .md and .markdown, skipping node_modules, dot-folders and other files; sorted', async () => {
    const cwd = tempFolder();
    tree(cwd, ['lists/b.md', 'lists/a.markdown', 'lists/sub/c.MD', 'lists/notes.txt', 'lists/node_modules/x.md', 'lists/.git/y.md']);
    const found = await expandInputs(['lists'], { cwd });
    expect(names(found)).toEqual(['lists/a.markdown', 'lists/b.md', 'lists/sub/c.MD']);
    expect(found.problems).toEqual([]);
    expect(found.unmatched).toEqual([]);
    expect(found.files[1]!.sizeBytes).toBe(4);
  });

  it('dedupes files reached twice and lints an explicit file whatever its extension', async () => {
    const cwd = tempFolder();
    tree(cwd, ['lists/a.md', 'README.txt']);
    const found = await expandInputs(['lists', 'lists/a.md', './lists/a.md', 'README.txt'], { cwd });
    expect(names(found)).toEqual(['README.txt', 'lists/a.md']);
  });

  it('lists a missing path, and a folder without Markdown, as unmatched and goes on', async () => {
    const cwd = tempFolder();
    tree(cwd, ['lists/a.md', 'empty/notes.txt']);
    const found = await expandInputs(['missing.md', 'lists', 'empty'], { cwd });
    expect(names(found)).toEqual(['lists/a.md']);
    expect(found.unmatched).toEqual(['missing.md', 'empty']);
    expect(found.problems).toEqual([]);
  });

  it('walks a folder named like a file, given or found', async () => {
    const cwd = tempFolder();
    tree(cwd, ['odd.md/inner.md', 'lists/nested.md/deep.md']);
    const found = await expandInputs(['odd.md', 'lists'], { cwd });
    expect(names(found)).toEqual(['lists/nested.md/deep.md', 'odd.md/inner.md']);
  });

  it('applies ignore patterns relative to the ignore root, to walked and explicit files', async () => {
    const cwd = tempFolder();
    tree(cwd, ['lists/a.md', 'lists/drafts/b.md', 'lists/c.draft.md']);
    const found = await expandInputs(['lists', 'lists/c.draft.md'], { cwd, ignore: ['drafts', '*.draft.md'] });
    expect(names(found)).toEqual(['lists/a.md']);
  });

  it('expands globs: globstar, braces, negation; globs keep Markdown files only', async () => {
    const cwd = tempFolder();
    tree(cwd, ['docs/a.md', 'docs/deep/b.markdown', 'docs/deep/skip/c.md', 'docs/notes.txt', 'top.md', 'top.markdown', 'other/d.md']);
    expect(names(await expandInputs(['docs/**/*.{md,markdown}'], { cwd }))).toEqual(['docs/a.md', 'docs/deep/b.markdown', 'docs/deep/skip/c.md']);
    expect(names(await expandInputs(['*.{md,markdown}'], { cwd }))).toEqual(['top.markdown', 'top.md']);
    expect(names(await expandInputs(['docs/*'], { cwd }))).toEqual(['docs/a.md']);
    expect(names(await expandInputs(['docs', '!docs/deep/skip/**'], { cwd }))).toEqual(['docs/a.md', 'docs/deep/b.markdown']);
    expect(names(await expandInputs(['**/*.md', '!other/**', '!docs/deep/**'], { cwd }))).toEqual(['docs/a.md', 'top.md']);
    expect(names(await expandInputs(['./docs/*.md', '!./docs/a.md', 'top.md'], { cwd }))).toEqual(['top.md']);
  });

  it('resolves relative patterns from `base` (the config folder) and shows paths from cwd', async () => {
    const cwd = tempFolder();
    tree(cwd, ['project/lists/a.md', 'project/lists/b.md']);
    const found = await expandInputs(['lists/*.md', '!lists/b.md'], { cwd: path.join(cwd, 'project', 'lists'), base: path.join(cwd, 'project') });
    expect(names(found)).toEqual(['a.md']);
  });

  it('lists a glob that matches nothing (also a glob whose folder is missing) as unmatched', async () => {
    const cwd = tempFolder();
    tree(cwd, ['docs/a.md']);
    const found = await expandInputs(['docs/*.markdown', 'nowhere/**/*.md', 'docs/*.md'], { cwd });
    expect(found.unmatched).toEqual(['docs/*.markdown', 'nowhere/**/*.md']);
    expect(found.problems).toEqual([]);
    expect(names(found)).toEqual(['docs/a.md']);
  });

  it('honours .gitignore files (root and nested, with re-includes) while walking and globbing', async () => {
    const cwd = tempFolder();
    mkdirSync(path.join(cwd, '.git'));
    tree(cwd, ['lists/a.md', 'lists/build/b.md', 'lists/gen.md', 'lists/sub/keep.md', 'lists/sub/drop.md', 'vendor/c.md']);
    writeFileSync(path.join(cwd, '.gitignore'), 'build/\nvendor\ngen.md\n');
    writeFileSync(path.join(cwd, 'lists/sub/.gitignore'), '*.md\n!keep.md\n');
    expect(names(await expandInputs(['lists', 'vendor/c.md'], { cwd }))).toEqual(['lists/a.md', 'lists/sub/keep.md', 'vendor/c.md']);
    expect(names(await expandInputs(['**/*.md'], { cwd }))).toEqual(['lists/a.md', 'lists/sub/keep.md']);
    expect(names(await expandInputs(['lists'], { cwd, isGitignoreOn: false }))).toHaveLength(5);
  });

  it('reads .gitignore from the repository root when run in a subfolder', async () => {
    const root = tempFolder();
    mkdirSync(path.join(root, '.git'));
    tree(root, ['site/lists/a.md', 'site/lists/out/b.md']);
    writeFileSync(path.join(root, '.gitignore'), 'site/lists/out/\n');
    expect(names(await expandInputs(['lists'], { cwd: path.join(root, 'site') }))).toEqual(['lists/a.md']);
  });

  it('does not follow symlinked folders while walking (no loops) but keeps symlinked files', async () => {
    const cwd = tempFolder();
    tree(cwd, ['lists/a.md']);
    symlinkSync(path.join(cwd, 'lists'), path.join(cwd, 'lists', 'loop'));
    symlinkSync(path.join(cwd, 'lists', 'a.md'), path.join(cwd, 'lists', 'link.md'));
    expect(names(await expandInputs(['lists'], { cwd }))).toEqual(['lists/a.md', 'lists/link.md']);
    expect(names(await expandInputs(['lists/**/*.md'], { cwd }))).toEqual(['lists/a.md', 'lists/link.md']);
  });

  it('names a dangling symlink', async () => {
    const cwd = tempFolder();
    symlinkSync(path.join(cwd, 'nowhere.md'), path.join(cwd, 'dangling.md'));
    const { problems, unmatched } = await expandInputs(['dangling.md'], { cwd });
    expect(problems[0]!.message).toBe('dangling.md: symlink target does not exist');
    expect(unmatched).toEqual([]);
  });
});
