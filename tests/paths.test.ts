// displayPath: one rule for how every message and report shows a path.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayPath } from '../src/paths.js';

describe('displayPath', () => {
  it('shows paths relative to the working directory, above it too, with forward slashes', () => {
    const cwd = path.resolve('/srv/lists/project');
    expect(displayPath(cwd, path.join(cwd, 'lists', 'a.md'))).toBe('lists/a.md');
    expect(displayPath(cwd, cwd)).toBe('.');
    expect(displayPath(cwd, path.resolve('/srv/lists/shared/base.yaml'))).toBe('../shared/base.yaml');
    expect(displayPath(path.join(cwd, 'sub'), path.join(cwd, 'lint-lists.config.json'))).toBe('../lint-lists.config.json');
  });
});
