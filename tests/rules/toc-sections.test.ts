import { tocSections } from '../../src/rules/toc-sections.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(tocSections, {
  valid: [
    { name: 'no ToC, not required', markdown: '# List\n\n## Tools\n\n## Guides\n' },
    {
      name: 'prose sections left out of the ToC',
      markdown: '# List\n\n## Contents\n\n- [Tools](#tools)\n- [Guides](#guides)\n\n## Tools\n\nText.\n\n## Guides\n\nText.\n\n## Contributing\n\nText.\n\n## License\n\nText.\n',
    },
    {
      name: 'sections before the ToC need not be listed',
      markdown: '# List\n\n## Intro\n\nText.\n\n## Contents\n\n- [Tools](#tools)\n- [Guides](#guides)\n\n## Tools\n\n## Guides\n',
    },
    {
      name: 'a nested ToC need not go deeper than the style maxDepth',
      markdown: '# List\n\n## Contents\n\n- [Tools](#tools)\n  - [CLI](#cli)\n\n## Tools\n\n### CLI\n\n#### Shells\n',
    },
    {
      name: 'emoji headings and anchors in another case',
      markdown: '# List\n\n## Contents\n\n- [Tools](#-tools)\n- [Guides](#Guides)\n\n## 🚀 Tools\n\n## Guides\n',
    },
  ],
  invalid: [
    {
      name: '`#top` is not a broken anchor, a section left out is missing',
      markdown: '# List\n\n## Contents\n\n- [Top](#top)\n- [Tools](#tools)\n- [Guides](#guides)\n\n## Tools\n\n## Guides\n\n## Videos\n',
      errors: [{ messageId: 'missing', line: 13, column: 1 }],
    },
    {
      name: 'a nested ToC missing a sub-section',
      markdown: '# List\n\n## Contents\n\n- [Tools](#tools)\n  - [CLI](#cli)\n\n## Tools\n\n### CLI\n\n### GUI\n',
      errors: [{ messageId: 'missing', line: 12, column: 1 }],
    },
    {
      name: 'only the item after a moved one is out of order',
      markdown: '# List\n\n## Contents\n\n- [A](#a)\n- [D](#d)\n- [B](#b)\n- [C](#c)\n\n## A\n\n## B\n\n## C\n\n## D\n',
      errors: [{ messageId: 'order', line: 7, column: 3 }],
    },
  ],
});
