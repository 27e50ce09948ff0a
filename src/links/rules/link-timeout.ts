// link-timeout: no answer within `links.timeoutMs`, after every retry.
import { defineLinkRule, NO_OPTIONS } from './define-link-rule.js';

/** Reports links whose server did not answer in time. */
export const linkTimeout = defineLinkRule({
  id: 'link-timeout',
  description: 'Links answer within `links.timeoutMs`.',
  rationale: 'A server that never answers is often overloaded or abandoned; one slow run is weak evidence, so this is a warning by default.',
  fixable: false,
  defaultSeverity: 'warn',
  options: NO_OPTIONS,
  messages: { timeout: '`{url}` timed out{reason}' },
  examples: {
    valid: [{ name: 'the server answers in time', markdown: '- [Tool](https://example.com/) - A tool.\n' }],
    invalid: [{ name: 'the server accepts the connection and never answers', markdown: '- [Tool](https://slow.example/) - A tool.\n', messageId: 'timeout' }],
  },
  check: (result) => (result.verdict === 'timeout' ? { messageId: 'timeout', data: { url: result.url, reason: result.reason ? ` (${result.reason})` : '' } } : undefined),
});
