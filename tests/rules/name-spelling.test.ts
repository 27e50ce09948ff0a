import { describe, expect, it } from 'vitest';
import { nameSpelling } from '../../src/rules/name-spelling.js';
import { lintWith, testRule } from '../helpers/rule-tester.js';

testRule(nameSpelling, {
  valid: [
    { name: 'link text matching its repository', markdown: '# Tools\n\n- [Redux Saga](https://github.com/redux-saga/redux-saga) - Effects.\n' },
    { name: 'plural or suffix of the URL name', markdown: '# Tools\n\n- [Dotfiles](https://github.com/a/dotfile) - Configs.\n- [PyYAML](https://github.com/yaml/yaml) - YAML.\n' },
    { name: 'deep links name pages, not projects', markdown: '# Talks\n\n- [Video](https://vimeo.com/12345) - A talk.\n' },
    { name: 'lower-case package names', markdown: '# Tools\n\n- [github-changelog](https://github.com/a/github-changelog) - Changelogs from github releases.\n' },
    { name: 'capitalised lower-case brands', markdown: '# Webpack\n\n- [Alpha](https://alpha.dev) - Webpack plugin.\n' },
    { name: 'ordinary words near names', markdown: '# Jupiter Missions\n\n- [OpenAPI Tools](https://openapi.tools) - Specs.\n' },
    { name: 'other projects one edit away from a built-in name', markdown: '# Monitoring\n\n- [Telegraf](https://www.influxdata.com/time-series-platform/telegraf/) - Agent.\n- [Espresso](https://developer.android.com/training/testing/espresso) - UI tests.\n' },
    { name: 'accepted variants and identifiers', markdown: '# NodeJS and GitHub-flavored Markdown\n\n- [Postgres Tools](https://tools.example/pg) - Tools.\n' },
    { name: 'shouting headings', markdown: '# GITHUB TOOLS\n\n- [Alpha](https://alpha.dev) - Fast.\n' },
    { name: 'configured names', style: { names: ['FooBar'] }, markdown: '# FooBar\n\n- [Alpha](https://alpha.dev) - Fast.\n' },
    {
      name: 'dictionary words near names of the list',
      markdown: '# Language Graphics\n\n- [lingua-go](https://github.com/pemistahl/lingua-go) - Detects.\n- [Graphite](https://github.com/graphite-project/graphite) - Plots.\n- [Library Notes](https://notes.example/a/b) - Notes.\n',
    },
    { name: 'a casing the link\'s own URL spells', markdown: '# Tools\n\n- [Github Sync Tool](https://github.com/a/Github-Sync) - Syncs.\n' },
    {
      name: 'a link whose URL names its own project is not compared with other names',
      markdown: '# Tools\n\n- [Next.js](https://github.com/vercel/next.js) - React.\n- [Nuxtjs](https://github.com/nuxt/framework) - Vue.\n',
    },
    {
      name: 'titles made of dictionary words are not typos of their repository',
      markdown: '# Books\n\n- [Mastering Object-Orientated Design](https://github.com/a/mastering-object-oriented-design) - A book.\n',
    },
    { name: 'names spelt with other scripts or symbols', markdown: '# Tools\n\n- [µTask](https://github.com/a/utask) - Tasks.\n- [Plotly++](https://github.com/a/plotlypp) - Plots.\n' },
  ],
  invalid: [
    {
      name: 'typo of a built-in name in a heading',
      markdown: '# Kuberentes Tools\n\n- [Alpha](https://alpha.dev) - Fast.\n',
      errors: [{ messageId: 'typo', line: 1, column: 3 }],
    },
    {
      name: 'casing in a link text',
      markdown: '# Tools\n\n- [Javascript Guide](https://guide.example/js) - Fast.\n',
      errors: [{ messageId: 'casing', line: 3, column: 4 }],
    },
    {
      name: 'typo of a configured name',
      style: { names: ['Kedro'] },
      markdown: '# Tools\n\n- [Kdero Tips](https://tips.example/kedro) - Tips.\n',
      errors: [{ messageId: 'typo', line: 3, column: 4 }],
    },
    {
      name: 'typo of a name the list spells correctly elsewhere',
      markdown: '# Tools\n\n- [Dagster](https://github.com/dagster-io/dagster) - Orchestrator.\n- [Dagstre Tutorial](https://blog.example/post) - Tutorial.\n',
      errors: [{ messageId: 'typo', line: 4, column: 4 }],
    },
    {
      name: 'several casing slips in one heading',
      markdown: '# Youtube and Wordpress Tools\n\n- [Alpha](https://alpha.dev) - Fast.\n',
      errors: [
        { messageId: 'casing', line: 1, column: 3 },
        { messageId: 'casing', line: 1, column: 15 },
      ],
    },
  ],
});

describe('name-spelling message', () => {
  it('suggests the canonical spelling', () => {
    const [diagnostic] = lintWith(nameSpelling, '# Tools\n\n- [Mlfow](https://github.com/mlflow/mlflow) - Tracking.\n');
    expect(diagnostic?.message).toBe('`Mlfow` looks like a typo of `MLflow`');
  });
});
