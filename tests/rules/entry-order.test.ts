import { entryOrder } from '../../src/rules/entry-order.js';
import { testRule } from '../helpers/rule-tester.js';

const sorted = { sections: { sort: 'alphabetical' } };

testRule(entryOrder, {
  valid: [
    {
      name: 'two lists in one section, each sorted',
      markdown: '# List\n\n## Tools\n\n**Libraries**\n\n- [Bar](https://bar.dev)\n- [Foo](https://foo.dev)\n\n**Apps**\n\n- [Alpha](https://a.dev)\n- [Zed](https://z.dev)\n',
      style: sorted,
    },
    {
      name: 'numbered lists keep their own order',
      markdown: '# List\n\n## Top picks\n\n1. [Zed](https://z.dev)\n2. [Alpha](https://a.dev)\n',
      style: sorted,
    },
    {
      name: 'each section sorted on its own',
      markdown: '# List\n\n## A\n\n- [Zed](https://z.dev)\n\n## B\n\n- [Alpha](https://a.dev)\n',
      style: sorted,
    },
    {
      name: 'code and emphasis in link text',
      markdown: '# List\n\n## Tools\n\n- [`alpha`](https://a.dev)\n- [**Beta**](https://b.dev)\n- [gamma](https://g.dev)\n',
      style: sorted,
    },
  ],
  invalid: [
    {
      name: 'a nested list out of order',
      markdown: '# List\n\n## Tools\n\n- [Alpha](https://a.dev)\n  - [Zed](https://z.dev)\n  - [Bee](https://bee.dev)\n- [Beta](https://b.dev)\n',
      style: sorted,
      errors: [{ messageId: 'order', line: 7, column: 3 }],
    },
    {
      name: 'one report per list',
      markdown: '# List\n\n## Tools\n\n- [C](https://c.dev)\n- [B](https://b.dev)\n- [A](https://a.dev)\n',
      style: sorted,
      errors: [{ messageId: 'order', line: 6, column: 1 }],
    },
  ],
});
