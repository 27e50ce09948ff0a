import { entryDescriptionRepeatsName } from '../../src/rules/entry-description-repeats-name.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(entryDescriptionRepeatsName, {
  valid: [
    { name: 'another name that starts the same', markdown: '# Tools\n\n- [Chart](https://chart.dev) - Chart.js wrapper for dashboards.\n' },
    { name: 'a compound word', markdown: '# Tools\n\n- [Vue](https://vuejs.org) - Vue-powered charts.\n' },
    { name: 'name mentioned later', markdown: '# Tools\n\n- [Airflow](https://airflow.apache.org) - Schedules workflows; Airflow is popular.\n' },
    { name: 'no description', markdown: '# Tools\n\n- [Airflow](https://airflow.apache.org)\n' },
  ],
  invalid: [
    {
      name: 'quoted name with a comma',
      markdown: '# Tools\n\n- [Beam](https://beam.dev) - \u201cBeam\u201d, a pipeline SDK.\n',
      options: { opening: true },
      errors: [{ messageId: 'repeats', line: 3, column: 30 }],
    },
    {
      name: 'emphasised name with a verb',
      markdown: '# Tools\n\n- [Great Expectations](https://greatexpectations.io) - **Great Expectations** helps teams test data.\n',
      options: { opening: true },
      errors: [{ messageId: 'repeats', line: 3, column: 56 }],
    },
    {
      name: 'name followed by a comma',
      markdown: '# Tools\n\n- [Airflow](https://airflow.apache.org) - airflow, a workflow scheduler.\n',
      options: { opening: true },
      errors: [{ messageId: 'repeats', line: 3, column: 43 }],
    },
    {
      name: 'possessive',
      markdown: "# Tools\n\n- [Airflow](https://airflow.apache.org) - Airflow's scheduler.\n",
      options: { opening: true },
      errors: [{ messageId: 'repeats', line: 3, column: 43 }],
    },
  ],
});
