// link-unverifiable: bot walls and rate limits that never lift; not evidence that the link is dead.
import { defineLinkRule, describeStatus, NO_OPTIONS } from './define-link-rule.js';

/** Reports links a checker cannot verify (challenge pages, persistent 429, 999). */
export const linkUnverifiable = defineLinkRule({
  id: 'link-unverifiable',
  description: 'Links can be verified by a program: no bot challenge or rate limit stands in the way.',
  rationale: 'Such links may well work in a browser, so they are reported as warnings for a person to look at, never as dead.',
  fixable: false,
  defaultSeverity: 'warn',
  options: NO_OPTIONS,
  messages: { unverifiable: '`{url}` could not be verified ({reason})' },
  examples: {
    valid: [{ name: 'the server answers `200 OK`', markdown: '- [Tool](https://example.com/) - A tool.\n' }],
    invalid: [{ name: 'the server answers with a bot challenge (`cf-mitigated: challenge`)', markdown: '- [Tool](https://walled.example/) - A tool.\n', messageId: 'unverifiable' }],
  },
  check: (result) =>
    result.verdict === 'unverifiable' ? { messageId: 'unverifiable', data: { url: result.url, reason: result.reason ?? describeStatus(result) } } : undefined,
});
