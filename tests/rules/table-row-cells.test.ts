// table-row-cells: rows of table-based lists are as wide as their header.
import { tableRowCells } from '../../src/rules/table-row-cells.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(tableRowCells, {
  valid: [
    { name: 'a table without links is not a list and is not checked', markdown: '# Notes\n\n| Key | Value |\n| --- | --- |\n| a |\n' },
    { name: 'a list written as bullets has no cells', markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast | builds.\n' },
  ],
  invalid: [
    {
      name: 'a short row in a three-column list',
      markdown: '# Systems\n\n| Name | Site | Notes |\n| --- | --- | --- |\n| Delta | [site](https://delta.example) | Tokens. |\n| Echo | [site](https://echo.example) |\n',
      errors: [{ messageId: 'short', line: 6, column: 1 }],
    },
  ],
});
