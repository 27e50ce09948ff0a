// Rule link-https: http:// links (the link checker upgrades them once verified).
import { z } from 'zod';
import { defineRule } from './define-rule.js';
import { isHostOrSubdomain } from '../url/tracking-params.js';
import { isLocalHost, parseUrl } from '../url/url.js';

const options = z
  .object({
    allowHttp: z
      .array(z.string().min(1))
      .default([])
      .describe('Hosts (and their subdomains) that may stay on http://, e.g. ["example.org"].'),
  })
  .strict();

/** Reports `http://` links, except local, onion and allowed hosts (switch it off with `"link-https": "off"`). */
export const linkHttps = defineRule<z.output<typeof options>>({
  id: 'link-https',
  description: 'Links use `https://` rather than `http://`.',
  rationale:
    'Plain http links can be tampered with on the way and most sites answer on https; the upgrade is left to the link checker, which verifies that the https URL works.',
  fixable: false,
  defaultSeverity: 'warn',
  options,
  messages: {
    http: 'Unexpected `{actual}`, expected `https://` (run the link checker to upgrade it safely)',
  },
  examples: {
    valid: [
      { name: 'https link', markdown: '- [Example](https://example.com) - An example.\n' },
      { name: 'local addresses stay on http', markdown: '- [Dev server](http://localhost:8080) - Local preview.\n' },
      {
        name: 'allowed host',
        markdown: '- [Legacy](http://legacy.example.org/) - Old site without TLS.\n',
        options: { allowHttp: ['example.org'] },
      },
    ],
    invalid: [
      {
        name: 'http link',
        markdown: '- [Example](http://example.com) - An example.\n',
        errors: [{ messageId: 'http', line: 1, column: 13 }],
      },
    ],
  },
  check(ctx) {
    const allowed = ctx.options.allowHttp.map((host) => host.toLowerCase());
    // Reference links share their definition's URL range: report each written URL once.
    const seen = new Set<number>();
    for (const link of ctx.doc.links) {
      if (!/^http:\/\//i.test(link.url)) continue;
      const host = parseUrl(link.url)?.hostname.toLowerCase();
      if (host === undefined || isLocalHost(host) || allowed.some((domain) => isHostOrSubdomain(host, domain))) continue;
      const at = link.urlRange ?? link.range;
      if (seen.has(at.start.offset)) continue;
      seen.add(at.start.offset);
      ctx.report({ messageId: 'http', at, data: { actual: link.url }, actual: link.url, expected: [`https${link.url.slice(4)}`], url: link.url });
    }
  },
});
