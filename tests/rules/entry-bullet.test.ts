import { describe, expect, it } from 'vitest';
import { entryBullet } from '../../src/rules/entry-bullet.js';
import { lintWith, testRule } from '../helpers/rule-tester.js';

testRule(entryBullet, {
  valid: [
    { name: 'plus markers throughout', markdown: '# Tools\n\n+ [Alpha](https://alpha.dev) - Alpha.\n+ [Beta](https://beta.dev) - Beta.\n' },
    {
      name: 'configured marker',
      style: { bullet: '*' },
      markdown: '# Tools\n\n* [Alpha](https://alpha.dev) - Alpha.\n  * [Beta](https://beta.dev) - Beta.\n',
    },
    {
      name: 'ordered list next to a bulleted one',
      style: { bullet: '-' },
      markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Alpha.\n\n1) [Beta](https://beta.dev) - Beta.\n2) [Gamma](https://gamma.dev) - Gamma.\n',
    },
    {
      name: 'CRLF line endings',
      markdown: '# Tools\r\n\r\n- [Alpha](https://alpha.dev) - Alpha.\r\n- [Beta](https://beta.dev) - Beta.\r\n',
    },
  ],
  invalid: [
    {
      name: 'nested items count too, under a configured marker',
      style: { bullet: '-' },
      markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Alpha.\n  * [Beta](https://beta.dev) - Beta.\n- [Gamma](https://gamma.dev) - Gamma.\n',
      errors: [{ messageId: 'mixed', line: 4, column: 3 }],
      output: '# Tools\n\n- [Alpha](https://alpha.dev) - Alpha.\n  - [Beta](https://beta.dev) - Beta.\n- [Gamma](https://gamma.dev) - Gamma.\n',
    },
    {
      name: 'a tie goes to the first marker of the file',
      markdown: '# Tools\n\n* [Alpha](https://alpha.dev) - Alpha.\n\n# More\n\n- [Beta](https://beta.dev) - Beta.\n',
      errors: [{ messageId: 'mixed', line: 7, column: 1 }],
      output: '# Tools\n\n* [Alpha](https://alpha.dev) - Alpha.\n\n# More\n\n* [Beta](https://beta.dev) - Beta.\n',
    },
  ],
});

describe('entry-bullet message', () => {
  it('names the counts of each marker, most common first', () => {
    const markdown = '# Tools\n\n* [A](https://a.dev) - A.\n* [B](https://b.dev) - B.\n- [C](https://c.dev) - C.\n+ [D](https://d.dev) - D.\n';
    const [diagnostic, ...rest] = lintWith(entryBullet, markdown);
    expect(rest).toEqual([]);
    expect(diagnostic?.message).toBe('Mixed bullets: 2 `*`, 1 `-` and 1 `+`, expected `*`');
    expect(diagnostic?.fix).toHaveLength(2);
  });
});

describe('entry-bullet: one marker per nesting level', () => {
  const nested = '# Tools\n\n- [Alpha](https://alpha.dev) - Alpha.\n  * [Alpha CLI](https://alpha.dev/cli) - Its shell.\n- [Beta](https://beta.dev) - Beta.\n  * [Beta CLI](https://beta.dev/cli) - Its shell.\n';

  it('accepts `-` for entries and `*` for the items under them, used throughout', () => {
    expect(lintWith(entryBullet, nested)).toEqual([]);
  });

  it('reports a nested item that breaks its own level\'s marker', () => {
    const text = `${nested}- [Gamma](https://gamma.dev) - Gamma.\n  + [Gamma CLI](https://gamma.dev/cli) - Its shell.\n`;
    const found = lintWith(entryBullet, text);
    expect(found.map((d) => [d.start.line, d.messageId])).toEqual([[8, 'mixed']]);
  });

  it('holds every level to a configured marker', () => {
    expect(lintWith(entryBullet, nested, { bullet: '-' }).map((d) => d.start.line)).toEqual([4]);
  });
});
