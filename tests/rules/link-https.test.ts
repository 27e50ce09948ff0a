import { describe, expect, it } from 'vitest';
import { linkHttps } from '../../src/rules/link-https.js';
import { lintWith, testRule } from '../helpers/rule-tester.js';

testRule(linkHttps, {
  valid: [
    { name: 'onion and loopback hosts', markdown: '- [Hidden](http://abcdefg.onion/) - Onion.\n- [Loop](http://127.0.0.1:3000) - Local.\n' },
    { name: 'subdomain of an allowed host', markdown: '- [Old](http://old.example.org) - Old.\n', options: { allowHttp: ['example.org'] } },
    { name: 'relative links and anchors', markdown: '# List\n\n## Tools\n\n- [Docs](docs/x.md) - Docs.\n- [Up](#tools) - Up.\n' },
    { name: 'http inside code is not a link', markdown: '- [Example](https://example.com) - Serves `http://localhost` and `http://example.com`.\n' },
  ],
  invalid: [
    {
      name: 'http in a prose paragraph and an image',
      markdown: '# List\n\nSee http://example.com for more.\n\n![Logo](http://example.com/logo.png)\n',
      options: { unverified: true },
      errors: [
        { messageId: 'http', line: 3, column: 5 },
        { messageId: 'http', line: 5, column: 9 },
      ],
    },
    {
      name: 'host that is only similar to an allowed one',
      markdown: '- [Other](http://notexample.org) - Other.\n',
      options: { allowHttp: ['example.org'], unverified: true },
      errors: [{ messageId: 'http', line: 1, column: 11 }],
    },
  ],
});

describe('link-https details', () => {
  it('reports a reference definition used twice once, at the definition', () => {
    const found = lintWith(linkHttps, '- [Example][ex] - An example.\n- [Again][ex] - Again.\n\n[ex]: http://example.com\n', {}, { unverified: true });
    expect(found.map((d) => [d.start.line, d.start.column])).toEqual([[4, 7]]);
    expect(found[0]!.expected).toEqual(['https://example.com']);
  });

  it('does not offer a fix', () => {
    const [found] = lintWith(linkHttps, '- [Example](http://github.com/e/x) - An example.\n');
    expect(found?.fix).toBeUndefined();
    expect(found?.url).toBe('http://github.com/e/x');
  });

  it('by default reports only hosts known to serve https, saying how it knows', () => {
    const text = [
      '- [Seen](http://seen.example.org/a) - Linked over https below.',
      '- [Seen again](https://seen.example.org/b) - The same host over https.',
      '- [Pages](http://alpha.github.io/site) - A host that redirects to https.',
      '- [Unknown](http://unknown.example.org/) - Nothing says https works here.',
    ].join('\n');
    expect(lintWith(linkHttps, `${text}\n`).map((d) => d.message)).toEqual([
      'Unexpected `http://seen.example.org/a`, expected `https://` (the list links https://seen.example.org elsewhere)',
      'Unexpected `http://alpha.github.io/site`, expected `https://` (alpha.github.io serves https)',
    ]);
  });
});
