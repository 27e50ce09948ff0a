import { headingCase } from '../../src/rules/heading-case.js';
import { describe, expect, it } from 'vitest';
import { testRule } from '../helpers/rule-tester.js';

const title = { headings: { case: 'title' } };
const sentence = { headings: { case: 'sentence' } };

testRule(headingCase, {
  valid: [
    {
      name: 'title case: names, numbers, hyphens, emoji and phrases after a colon',
      markdown:
        '# List\n\n## Real-time Tools\n\n## Tools: the Basics\n\n## iOS Apps\n\n## Node.js Tools\n\n## 3D Printing\n\n## [pandas](https://pandas.pydata.org) Extensions\n\n## 🚀 Getting Started\n\n## Tools vs. Libraries\n\n## 日本語 Resources\n\n## **Bold** Tools\n\n## Tools (deprecated)\n\n## Werkzeuge für Entwickler\n',
      style: title,
    },
    {
      name: 'title case: lower-case product names used by entries',
      markdown: '# List\n\n## Using webpack\n\n- [webpack](https://webpack.js.org) - Bundles modules.\n',
      style: title,
    },
    {
      name: 'sentence case: proper nouns next to lower-case words, acronyms, phrases after a colon',
      markdown:
        '# List\n\n## Tools for Kubernetes\n\n## Getting started: The basics\n\n## APIs and SDKs\n\n## Natural language processing (NLP)\n\n## `kubectl` plugins\n',
      style: sentence,
    },
    { name: 'sentence case: configured names', markdown: '# List\n\n## Docker Hub\n', style: { ...sentence, names: ['Docker Hub'] } },
    { name: 'the title is skipped by default', markdown: '# awesome list\n\n## Tools\n', style: title },
  ],
  invalid: [
    {
      name: 'title case: a lower-case first word, even a small one',
      markdown: '# List\n\n## the Tools\n',
      style: title,
      errors: [{ messageId: 'title', line: 3, column: 4 }],
    },
    {
      name: 'title case: only the first offending word per heading',
      markdown: '# List\n\n## Tools and libraries for testing\n',
      style: title,
      errors: [{ messageId: 'title', line: 3, column: 14 }],
    },
    {
      name: 'sentence case: a heading written in title case',
      markdown: '# List\n\n## Machine Learning Frameworks\n',
      style: sentence,
      errors: [{ messageId: 'sentence', line: 3, column: 12 }],
    },
    {
      name: 'the title when ignoreTitle is off',
      markdown: '# awesome list\n',
      style: title,
      options: { ignoreTitle: false },
      errors: [{ messageId: 'title', line: 1, column: 3 }],
    },
  ],
});
