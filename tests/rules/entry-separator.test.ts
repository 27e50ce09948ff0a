import { describe, expect, it } from 'vitest';
import { entrySeparator } from '../../src/rules/entry-separator.js';
import { lintWith, testRule } from '../helpers/rule-tester.js';

testRule(entrySeparator, {
  valid: [
    { name: 'an attribution goes on with the name', markdown: '# Books\n\n- [Orchard Lore](https://lore.example.org) by Ida Brand.\n' },
    { name: 'a sentence goes on with the name', markdown: '# Tools\n\n- [Alpha](https://alpha.dev) for fast builds.\n' },
    { name: 'entry without description', markdown: '# Tools\n\n- [Alpha](https://alpha.dev)\n' },
    { name: 'badges before the separator', style: { entry: { badges: 'after-link' } }, markdown: '# Tools\n\n- [Alpha](https://alpha.dev) ![CI](https://img.shields.io/badge/ci-passing-green) - Fast.\n' },
    { name: 'CRLF', markdown: '# Tools\r\n\r\n- [Alpha](https://alpha.dev) - Fast.\r\n' },
    { name: 'non-Latin description', markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - 高速なビルド。\n' },
  ],
  invalid: [
    {
      name: 'em dash',
      markdown: '# Tools\n\n- [Alpha](https://alpha.dev) — Fast builds.\n',
      errors: [{ messageId: 'unexpected', line: 3, column: 29 }],
      output: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds.\n',
    },
    {
      name: 'colon',
      markdown: '# Tools\n\n- [Alpha](https://alpha.dev): Fast builds.\n',
      errors: [{ messageId: 'unexpected', line: 3, column: 29 }],
      output: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds.\n',
    },
    {
      name: 'double hyphen',
      markdown: '# Tools\n\n- [Alpha](https://alpha.dev) -- Fast builds.\n',
      errors: [{ messageId: 'unexpected', line: 3, column: 29 }],
      output: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds.\n',
    },
    {
      name: 'dash where the style wants a colon',
      style: { entry: { description: { separator: ': ' } } },
      markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds.\n',
      errors: [{ messageId: 'unexpected', line: 3, column: 29 }],
      output: '# Tools\n\n- [Alpha](https://alpha.dev): Fast builds.\n',
    },
    {
      name: 'separator where the style wants none',
      style: { entry: { description: { separator: null } } },
      markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds.\n',
      errors: [{ messageId: 'unexpected', line: 3, column: 29 }],
      output: '# Tools\n\n- [Alpha](https://alpha.dev) Fast builds.\n',
    },
    {
      name: 'missing separator',
      markdown: '# Tools\n\n- [Alpha](https://alpha.dev) Fast builds.\n',
      // Reported without a fix: where no separator was written the entry may be a sentence or an attribution.
      errors: [{ messageId: 'missing', line: 3, column: 29 }],
    },
  ],
});

describe('entry-separator message', () => {
  it('names the separator it found', () => {
    const [diagnostic] = lintWith(entrySeparator, '# Tools\n\n- [Alpha](https://alpha.dev) – Fast builds.\n');
    expect(diagnostic?.message).toBe('Unexpected en dash separator ` – `, expected ` - `');
  });
});
