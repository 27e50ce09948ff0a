import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/index.js';
import { tempFolder } from '../lint/fixtures/temp.js';

// A folder without config: the recommended defaults.
const messagesOf = async (text: string) => (await lintText(text, { cwd: tempFolder() })).map((d) => `${d.ruleId}: ${d.message}`);

describe('rule messages word counts correctly', () => {
  it('one trailing character, one blank line', async () => {
    const messages = await messagesOf('# List\n\n- [Foo](https://foo.dev) - Does foo. \n\n');
    expect(messages).toContain('whitespace-trailing: Unexpected trailing whitespace (`1` character), expected none');
    expect(messages).toContain('file-final-newline: Unexpected `1` blank line at the end of the file, expected one line ending');
  });

  it('several trailing characters', async () => {
    const messages = await messagesOf('# List\n\n- [Foo](https://foo.dev) - Does foo.   \n');
    expect(messages).toContain('whitespace-trailing: Unexpected trailing whitespace (`3` characters), expected none');
  });
});
