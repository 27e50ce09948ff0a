// link-refused: the link points at a private, loopback or link-local address, so the checker would not request it.
import { defineLinkRule, NO_OPTIONS, type LinkFinding } from './define-link-rule.js';

/** Reports links the private-address guard refused to request, saying why and how to allow them. */
export const linkRefused = defineLinkRule({
  id: 'link-refused',
  description: 'Links point at public addresses: not at private, loopback or link-local ones, directly, by name or by redirect.',
  rationale:
    'A public list has no business linking to 192.168.1.1 or the cloud metadata address 169.254.169.254, and the checker never requests them. ' +
    'Such a link is reported rather than skipped; allow a host on purpose with `--allow-private` or `links.allowPrivate`.',
  fixable: false,
  defaultSeverity: 'error',
  options: NO_OPTIONS,
  messages: {
    refused: '`{url}` {reason}',
    refusedRedirect: '`{url}` redirects to `{finalUrl}`, {reason}',
  },
  examples: {
    valid: [{ name: 'the host resolves to a public address', markdown: '- [Tool](https://example.com/) - A tool.\n' }],
    invalid: [
      { name: 'the link is a private address', markdown: '- [Router](http://192.168.1.1/) - Admin page.\n', messageId: 'refused' },
      { name: 'a public link redirects to a private address', markdown: '- [Tool](https://inward.example/) - A tool.\n', messageId: 'refusedRedirect' },
    ],
  },
  check: (result): LinkFinding | undefined => {
    if (result.verdict !== 'refused') return undefined;
    const reason = result.reason ?? 'refused: private address, not checked';
    // A public link whose redirect leads inward: say where the chain was stopped.
    if (result.redirects?.length && result.finalUrl) return { messageId: 'refusedRedirect', data: { url: result.url, finalUrl: result.finalUrl, reason } };
    return { messageId: 'refused', data: { url: result.url, reason } };
  },
});
