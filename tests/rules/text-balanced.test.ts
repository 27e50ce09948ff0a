import { describe, expect, it } from 'vitest';
import { textBalanced } from '../../src/rules/text-balanced.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(textBalanced, {
  valid: [
    {
      name: 'quotes, apostrophes, inch marks and German quotes',
      markdown: '# List\n\n- [Foo](https://foo.dev) - It’s the “best”, don\'t miss it.\n- [Bar](https://bar.dev) - For 27" screens.\n- [Baz](https://baz.dev) - Heißt „Zitat“.\n',
    },
    {
      name: 'a link whose URL holds parentheses, in a paragraph',
      markdown: '# List\n\nSee [Foo](https://en.wikipedia.org/wiki/Foo_(bar)) (the band).\n',
    },
    { name: 'a block quote with an emoticon', markdown: '# List\n\n> Have fun :-)\n' },
    {
      name: 'a colon inside the link text is not where the description starts',
      markdown: '# List\n\n- Comparison of clouds [Convergence: Machine learning blog; 2014-10](https://blog.example.com/2014/10/clouds.html)\n',
    },
    { name: 'HTML in a description', markdown: '# List\n\n- [Foo](https://foo.dev) - Does foo <img alt="(" src="x.png">.\n' },
  ],
  invalid: [
    {
      name: 'an unclosed curly quote',
      markdown: '# List\n\n- [Foo](https://foo.dev) - The “best tool.\n',
      errors: [{ messageId: 'unclosed', line: 3, column: 32 }],
    },
    {
      name: 'a stray bracket after a link in parentheses',
      markdown: '# List\n\n- [Kedro](https://kedro.org) - Pipelines (by [QuantumBlack](https://quantumblack.com)]).\n',
      errors: [{ messageId: 'unopened', line: 3, column: 86 }],
    },
    {
      name: 'a stray parenthesis in a block quote',
      markdown: '# List\n\n> Quoted text) here.\n',
      errors: [{ messageId: 'unopened', line: 3, column: 14 }],
    },
  ],
});
