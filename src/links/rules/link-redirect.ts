// link-redirect: links that answer through redirects; permanent ones and verified https upgrades are fixable.
import * as z from 'zod';
import type { LinkResult } from '../types.js';
import { defineLinkRule } from './define-link-rule.js';

const options = z
  .object({
    permanent: z.boolean().default(true).describe('Report redirects where every hop is 301/308 (fixable: the link is rewritten to the target).'),
    temporary: z.boolean().default(false).describe('Report redirects with a 302/303/307 hop (often login walls or mirrors; not fixable).'),
  })
  .strict();

/** Reports redirected links; offers the target for permanent redirects and for a single http → https hop. */
export const linkRedirect = defineLinkRule<z.output<typeof options>>({
  id: 'link-redirect',
  description: 'Links point at their final address rather than through redirects.',
  rationale: 'A permanent redirect says the page has moved for good; linking to the new address is faster for readers and survives the old one lapsing.',
  fixable: true,
  defaultSeverity: 'warn',
  options,
  messages: {
    permanent: '`{url}` redirects permanently to `{finalUrl}`{chain}',
    temporary: '`{url}` redirects temporarily to `{finalUrl}`{chain}',
  },
  examples: {
    valid: [{ name: 'the server answers `200 OK` at the written address', markdown: '- [Tool](https://example.com/tool) - A tool.\n' }],
    invalid: [
      { name: 'the server answers `301` to `https://example.com/new` (fixed to the target)', markdown: '- [Tool](https://example.com/old) - A tool.\n', messageId: 'permanent' },
      { name: '`http://` answers `301` to the same address over https (fixed to `https://`)', markdown: '- [Tool](http://example.com/) - A tool.\n', messageId: 'permanent' },
    ],
  },
  check(result, settings) {
    if (result.verdict !== 'redirect') return undefined;
    const isPermanent = result.permanent === true;
    if (isPermanent ? !settings.permanent : !settings.temporary) return undefined;
    const hops = result.redirects?.length ?? 1;
    const finalUrl = result.finalUrl ?? '';
    const finding = {
      messageId: isPermanent ? 'permanent' : 'temporary',
      data: { url: result.url, finalUrl, chain: hops > 1 ? ` (${hops} hops)` : '' },
    };
    if (finalUrl !== '' && (isHttpsUpgrade(result) || (isPermanent && isSafeInDestination(finalUrl)))) return { ...finding, rewriteTo: finalUrl };
    return finding;
  },
});

/** A single hop from `http://x` to `https://x`, same host, path and query. */
export function isHttpsUpgrade(result: LinkResult): boolean {
  if ((result.redirects?.length ?? 0) !== 1 || !result.finalUrl) return false;
  const from = result.url;
  const to = result.finalUrl;
  return from.slice(0, 7).toLowerCase() === 'http://' && to.slice(0, 8).toLowerCase() === 'https://' && from.slice(7) === to.slice(8);
}

/** A URL that can stand in a Markdown link destination as is (no spaces, brackets or parentheses). */
function isSafeInDestination(url: string): boolean {
  for (const char of url) if (char <= ' ' || '<>()[]\\'.includes(char) || char === '\u007f') return false;
  return true;
}
