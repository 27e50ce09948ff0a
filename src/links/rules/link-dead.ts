// link-dead: the server says the page is gone (404, 410 and other definitive client errors).
import { defineLinkRule, describeStatus, NO_OPTIONS } from './define-link-rule.js';

/** Reports links whose server answers with a definitive client error. */
export const linkDead = defineLinkRule({
  id: 'link-dead',
  description: 'Links answer with a page, not `404 Not Found`, `410 Gone` or another definitive client error.',
  rationale: 'A dead link is the most common way a curated list decays; readers lose trust in entries that lead nowhere.',
  fixable: false,
  defaultSeverity: 'error',
  options: NO_OPTIONS,
  messages: { dead: '`{url}` is dead ({status}){note}' },
  needsConfirmation: true,
  examples: {
    valid: [{ name: 'the server answers `200 OK`', markdown: '- [Tool](https://example.com/tool) - A tool.\n' }],
    invalid: [{ name: 'the server answers `404 Not Found`', markdown: '- [Tool](https://example.com/gone) - A tool.\n', messageId: 'dead' }],
  },
  check: (result) => (result.verdict === 'dead' ? { messageId: 'dead', data: { url: result.url, status: describeStatus(result) } } : undefined),
});
