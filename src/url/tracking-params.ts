// Tracking query parameters: which ones carry no meaning for the resource and may be dropped from a URL.

/** Parameter names (lowercase) that only track clicks or campaigns, on any host. */
export const TRACKING_PARAMS: ReadonlySet<string> = new Set([
  // Ad click ids: Google, Facebook, Microsoft, DoubleClick, Yandex, TikTok, Twitter, LinkedIn.
  'gclid',
  'gclsrc',
  'gbraid',
  'wbraid',
  'dclid',
  'fbclid',
  'msclkid',
  'yclid',
  'ttclid',
  'twclid',
  'li_fat_id',
  'igshid',
  'srsltid',
  // Analytics cross-domain linkers.
  '_ga',
  '_gl',
  // Mailchimp, HubSpot, Marketo, Vero, Openstat.
  'mc_cid',
  'mc_eid',
  '_hsenc',
  '_hsmi',
  '__hstc',
  '__hssc',
  '__hsfp',
  'hsctatracking',
  'mkt_tok',
  'vero_id',
  'vero_conv',
  '_openstat',
  // Matomo / Piwik campaign parameters.
  'pk_campaign',
  'pk_kwd',
  'pk_source',
  'pk_medium',
  'pk_content',
]);

/** Name prefixes (lowercase) of whole families of tracking parameters. */
export const TRACKING_PARAM_PREFIXES: readonly string[] = ['utm_', 'mtm_', 'hsa_'];

/**
 * Parameters that track only on some hosts: elsewhere the same name is meaningful
 * (`si` is a share id on YouTube and Spotify; `ref` and `s` are share markers on Twitter/X but real
 * parameters on many other sites, and `t` is a timestamp on YouTube).
 */
export const HOST_TRACKING_PARAMS: ReadonlyArray<{ hosts: readonly string[]; params: readonly string[] }> = [
  { hosts: ['youtube.com', 'youtu.be', 'music.youtube.com', 'spotify.com', 'open.spotify.com'], params: ['si', 'feature'] },
  { hosts: ['twitter.com', 'x.com', 'mobile.twitter.com'], params: ['ref', 'ref_src', 'ref_url', 's', 't'] },
];

/** True when `host` is `domain` or one of its subdomains. */
export function isHostOrSubdomain(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/** True when the query parameter `name` (as decoded) only tracks, on `host` (lowercase, may be ''). */
export function isTrackingParam(name: string, host: string): boolean {
  const key = name.toLowerCase();
  if (TRACKING_PARAMS.has(key)) return true;
  if (TRACKING_PARAM_PREFIXES.some((prefix) => key.startsWith(prefix) && key.length > prefix.length)) return true;
  for (const rule of HOST_TRACKING_PARAMS) {
    if (rule.params.includes(key) && rule.hosts.some((domain) => isHostOrSubdomain(host, domain))) return true;
  }
  return false;
}
