// link-error: the link could not be fetched (DNS, TLS, refused or reset connections, malformed responses, loops).
import { defineLinkRule, describeStatus, NO_OPTIONS } from './define-link-rule.js';

/** Reports links that fail below HTTP or with a broken exchange. */
export const linkError = defineLinkRule({
  id: 'link-error',
  description: 'Links can be fetched: the name resolves, TLS is valid and the server answers with a well-formed response.',
  rationale: 'A domain that no longer resolves or a certificate that expired usually means the project moved or died.',
  fixable: false,
  defaultSeverity: 'error',
  options: NO_OPTIONS,
  messages: { error: '`{url}` failed ({reason}){note}' },
  needsConfirmation: true,
  examples: {
    valid: [{ name: 'the server answers over valid TLS', markdown: '- [Tool](https://example.com/) - A tool.\n' }],
    invalid: [{ name: 'the host name does not resolve (`ENOTFOUND`)', markdown: '- [Tool](https://gone.example/) - A tool.\n', messageId: 'error' }],
  },
  check: (result) => (result.verdict === 'error' ? { messageId: 'error', data: { url: result.url, reason: result.reason ?? describeStatus(result) } } : undefined),
});
