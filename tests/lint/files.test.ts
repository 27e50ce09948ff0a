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

describe('expandInputs', () => {
  it('walks folders for .md and .markdown, skipping node_modules, dot-folders and other files; sorted', async () => {
    const cwd = tempFolder();
    tree(cwd, ['lists/b.md', 'lists/a.markdown', 'lists/sub/c.MD', 'lists/notes.txt', 'lists/node_modules/x.md', 'lists/.git/y.md']);
    const { files, problems } = await expandInputs(['lists'], { cwd });
    expect(files.map((f) => f.file)).toEqual(['lists/a.markdown', 'lists/b.md', 'lists/sub/c.MD']);
    expect(problems).toEqual([]);
    expect(files[1]!.sizeBytes).toBe(4);
  });

  it('dedupes files reached twice and lints an explicit file whatever its extension', async () => {
    const cwd = tempFolder();
    tree(cwd, ['lists/a.md', 'README.txt']);
    const { files } = await expandInputs(['lists', 'lists/a.md', './lists/a.md', 'README.txt'], { cwd });
    expect(files.map((f) => f.file)).toEqual(['README.txt', 'lists/a.md']);
  });

  it('reports a missing path as a problem and goes on', async () => {
    const cwd = tempFolder();
    tree(cwd, ['lists/a.md']);
    const { files, problems } = await expandInputs(['missing.md', 'lists'], { cwd });
    expect(files.map((f) => f.file)).toEqual(['lists/a.md']);
    expect(problems).toEqual([{ file: 'missing.md', message: 'missing.md: no such file or directory' }]);
  });

  it('walks a folder named like a file, given or found', async () => {
    const cwd = tempFolder();
    tree(cwd, ['odd.md/inner.md', 'lists/nested.md/deep.md']);
    const { files } = await expandInputs(['odd.md', 'lists'], { cwd });
    expect(files.map((f) => f.file)).toEqual(['lists/nested.md/deep.md', 'odd.md/inner.md']);
  });

  it('applies ignore patterns relative to the ignore root', async () => {
    const cwd = tempFolder();
    tree(cwd, ['lists/a.md', 'lists/drafts/b.md', 'lists/c.draft.md']);
    const { files } = await expandInputs(['lists'], { cwd, ignore: ['drafts', '*.draft.md'] });
    expect(files.map((f) => f.file)).toEqual(['lists/a.md']);
  });

  it('does not follow symlinked folders while walking (no loops) but keeps symlinked files', async () => {
    const cwd = tempFolder();
    tree(cwd, ['lists/a.md']);
    symlinkSync(path.join(cwd, 'lists'), path.join(cwd, 'lists', 'loop'));
    symlinkSync(path.join(cwd, 'lists', 'a.md'), path.join(cwd, 'lists', 'link.md'));
    const { files } = await expandInputs(['lists'], { cwd });
    expect(files.map((f) => f.file)).toEqual(['lists/a.md', 'lists/link.md']);
  });

  it('names a dangling symlink', async () => {
    const cwd = tempFolder();
    symlinkSync(path.join(cwd, 'nowhere.md'), path.join(cwd, 'dangling.md'));
    const { problems } = await expandInputs(['dangling.md'], { cwd });
    expect(problems[0]!.message).toBe('dangling.md: symlink target does not exist');
  });
});
