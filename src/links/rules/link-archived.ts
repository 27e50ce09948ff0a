// link-archived: GitHub repositories their owners marked archived (read-only, no longer maintained).
import { defineLinkRule, NO_OPTIONS } from './define-link-rule.js';

/** Reports links to archived GitHub repositories. */
export const linkArchived = defineLinkRule({
  id: 'link-archived',
  description: 'Linked GitHub repositories are not archived.',
  rationale: 'An archived project gets no fixes; readers of a curated list expect maintained entries, or a note saying otherwise.',
  fixable: false,
  defaultSeverity: 'warn',
  options: NO_OPTIONS,
  messages: { archived: '`{url}` is an archived repository' },
  examples: {
    valid: [{ name: 'an active repository', markdown: '- [Tool](https://github.com/owner/tool) - A tool.\n' }],
    invalid: [{ name: 'the GitHub API says `archived: true`', markdown: '- [Tool](https://github.com/owner/old-tool) - A tool.\n', messageId: 'archived' }],
  },
  check: (result) => (result.archived ? { messageId: 'archived', data: { url: result.url } } : undefined),
});
