// Rule link-https: http:// links to hosts known to serve https (the link checker verifies and upgrades the rest).
import * as z from 'zod';
import { defineRule } from './define-rule.js';
import { isHostOrSubdomain } from '../url/tracking-params.js';
import { isLocalHost, parseUrl } from '../url/url.js';

/**
 * Hosting platforms whose every subdomain answers http with a redirect to https (one certificate covers them all):
 * for them `https://` is known to work without asking the network.
 */
const HTTPS_PLATFORMS = [
  'github.com', 'github.io', 'githubusercontent.com', 'gitlab.com', 'gitlab.io', 'bitbucket.org', 'codeberg.org',
  'readthedocs.io', 'herokuapp.com', 'netlify.app', 'vercel.app', 'gitbook.io', 'wikipedia.org', 'medium.com',
  'substack.com', 'blogspot.com', 'wordpress.com', 'pages.dev',
];

/**
 * Sites that redirect http to https on their main host (with or without `www.`). Their other subdomains may be
 * older servers, so only these names count.
 */
const HTTPS_SITES = new Set([
  'npmjs.com', 'pypi.org', 'crates.io', 'docs.rs', 'rubygems.org', 'nuget.org', 'go.dev', 'golang.org', 'pkg.go.dev',
  'packagist.org', 'youtube.com', 'youtu.be', 'twitter.com', 'x.com', 'stackoverflow.com', 'arxiv.org', 'reddit.com',
  'linkedin.com', 'facebook.com', 'dev.to', 'huggingface.co', 'kaggle.com', 'google.com', 'microsoft.com', 'mozilla.org',
  'apple.com', 'amazon.com', 'docker.com', 'hub.docker.com', 'apache.org', 'sourceforge.net', 'npmjs.org',
]);

const options = z
  .object({
    allowHttp: z
      .array(z.string().min(1))
      .default([])
      .describe('Hosts (and their subdomains) that may stay on http://, e.g. ["example.org"].'),
    unverified: z
      .boolean()
      .default(false)
      .describe(
        'Also report http links whose host is not known to serve https (by default only hosts the file links over https elsewhere, or that redirect every request to https).',
      ),
  })
  .strict();

/** Why `https://` is known to work for `host`: the file links it over https, or the host always redirects there. */
function httpsEvidence(host: string, httpsHosts: Set<string>): string | undefined {
  if (httpsHosts.has(host)) return `the list links https://${host} elsewhere`;
  const site = host.startsWith('www.') ? host.slice(4) : host;
  if (HTTPS_SITES.has(site) || HTTPS_PLATFORMS.some((domain) => isHostOrSubdomain(host, domain))) return `${host} serves https`;
  return undefined;
}

/** Reports `http://` links whose host is known to serve https, except local, onion and allowed hosts. */
export const linkHttps = defineRule<z.output<typeof options>>({
  id: 'link-https',
  description: 'Links use `https://` rather than `http://` where https is known to work.',
  rationale:
    'Plain http links can be tampered with on the way. Without asking the network, only some hosts are known to serve https: those the list itself links over https and those that redirect every request there. The link checker verifies the rest and upgrades links safely.',
  fixable: false,
  defaultSeverity: 'warn',
  options,
  messages: {
    http: 'Unexpected `{actual}`, expected `https://` ({why})',
  },
  examples: {
    valid: [
      { name: 'https link', markdown: '- [Example](https://example.com) - An example.\n' },
      { name: 'local addresses stay on http', markdown: '- [Dev server](http://localhost:8080) - Local preview.\n' },
      { name: 'a host not known to serve https', markdown: '- [Legacy](http://legacy.example.org/) - Old site.\n' },
      {
        name: 'allowed host',
        markdown: '- [Legacy](http://legacy.example.org/) - Old site.\n- [New](https://legacy.example.org/new) - New site.\n',
        options: { allowHttp: ['example.org'] },
      },
    ],
    invalid: [
      {
        name: 'http link to a host the list links over https',
        markdown: '- [Example](http://example.com) - An example.\n- [Docs](https://example.com/docs) - Its docs.\n',
        errors: [{ messageId: 'http', line: 1, column: 13 }],
      },
      {
        name: 'http link to a host that redirects to https',
        markdown: '- [Alpha](http://github.com/alpha/alpha) - Fast builds.\n',
        errors: [{ messageId: 'http', line: 1, column: 11 }],
      },
    ],
  },
  check(ctx) {
    const allowed = ctx.options.allowHttp.map((host) => host.toLowerCase());
    const httpsHosts = new Set<string>();
    for (const link of ctx.doc.links) {
      if (/^https:\/\//i.test(link.url)) {
        const host = parseUrl(link.url)?.hostname.toLowerCase();
        if (host !== undefined) httpsHosts.add(host);
      }
    }
    // Reference links share their definition's URL range: report each written URL once.
    const seen = new Set<number>();
    for (const link of ctx.doc.links) {
      if (!/^http:\/\//i.test(link.url)) continue;
      const host = parseUrl(link.url)?.hostname.toLowerCase();
      if (host === undefined || isLocalHost(host) || allowed.some((domain) => isHostOrSubdomain(host, domain))) continue;
      const why = httpsEvidence(host, httpsHosts) ?? (ctx.options.unverified ? 'run the link checker to upgrade it safely' : undefined);
      if (why === undefined) continue;
      const at = link.urlRange ?? link.range;
      if (seen.has(at.start.offset)) continue;
      seen.add(at.start.offset);
      ctx.report({ messageId: 'http', at, data: { actual: link.url, why }, actual: link.url, expected: [`https${link.url.slice(4)}`], url: link.url });
    }
  },
});
