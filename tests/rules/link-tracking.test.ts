import { describe, expect, it } from 'vitest';
import { linkTracking } from '../../src/rules/link-tracking.js';
import { fixWith, lintWith, testRule } from '../helpers/rule-tester.js';

testRule(linkTracking, {
  valid: [
    { name: '`ref` is a real parameter off Twitter', markdown: '- [Action](https://github.com/acme/lib?ref=main) - An action.\n' },
    { name: 'YouTube timestamps stay', markdown: '- [Talk](https://www.youtube.com/watch?v=abc&t=42) - A talk.\n' },
    { name: 'tracking-like text in code', markdown: '- [Example](https://example.com) - Strips `?utm_source=` from links.\n' },
  ],
  invalid: [
    {
      name: 'only tracking: the `?` goes too',
      markdown: '- [Example](https://example.com/?fbclid=abc) - An example.\n',
      errors: [{ messageId: 'tracking', line: 1, column: 13 }],
      output: '- [Example](https://example.com/) - An example.\n',
    },
    {
      name: 'tracking between real parameters',
      markdown: '- [Search](https://example.com/s?q=a&utm_campaign=x&page=2) - Search.\n',
      errors: [{ messageId: 'tracking', line: 1, column: 12 }],
      output: '- [Search](https://example.com/s?q=a&page=2) - Search.\n',
    },
    {
      name: 'Twitter share markers',
      markdown: '- [Thread](https://twitter.com/acme/status/1?ref_src=twsrc%5Etfw&s=20) - A thread.\n',
      errors: [{ messageId: 'tracking', line: 1, column: 12 }],
      output: '- [Thread](https://twitter.com/acme/status/1) - A thread.\n',
    },
    {
      name: 'reference definition',
      markdown: '- [Example][ex] - An example.\n\n[ex]: https://example.com/a?utm_source=list\n',
      errors: [{ messageId: 'tracking', line: 3, column: 7 }],
      output: '- [Example][ex] - An example.\n\n[ex]: https://example.com/a\n',
    },
  ],
});

describe('link-tracking details', () => {
  it('names every removed parameter', () => {
    const [found] = lintWith(linkTracking, '- [A](https://a.dev/?utm_source=x&gclid=y) - A.\n');
    expect(found?.actual).toBe('utm_source, gclid');
  });

  it('fixes CRLF documents without touching line endings', () => {
    const text = '- [A](https://a.dev/?utm_source=x) - A.\r\n- [B](https://b.dev/) - B.\r\n';
    expect(fixWith(linkTracking, text)).toBe('- [A](https://a.dev/) - A.\r\n- [B](https://b.dev/) - B.\r\n');
  });
});
