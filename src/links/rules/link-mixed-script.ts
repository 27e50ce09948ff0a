// link-mixed-script: a hostname label mixes scripts, as look-alike (IDN homoglyph) domains do.
import { hostOf } from '../../url/url.js';
import { findMixedScript } from '../mixed-script.js';
import { defineLinkRule, NO_OPTIONS } from './define-link-rule.js';

/** Reports hostnames whose labels mix scripts (a Cyrillic `а` in a Latin name), with the punycode form. */
export const linkMixedScript = defineLinkRule({
  id: 'link-mixed-script',
  description: 'Hostnames use one script per label: no Cyrillic or Greek letter hidden in a Latin name.',
  rationale:
    'A Cyrillic `а` looks exactly like a Latin `a`, so `pаypal.com` reads as a familiar name and leads elsewhere. ' +
    'The punycode form (`xn--…`) in the message shows the name as DNS sees it. Japanese, Chinese and Korean mixes are not reported.',
  fixable: false,
  defaultSeverity: 'warn',
  options: NO_OPTIONS,
  messages: { mixedScript: 'Hostname `{unicode}` mixes {scripts} scripts, as look-alike domains do; it is `{punycode}`' },
  examples: {
    valid: [{ name: 'the hostname is all Latin', markdown: '- [Pay](https://paypal.com/) - Payments.\n' }],
    invalid: [{ name: 'the hostname hides a Cyrillic `а`', markdown: '- [Pay](https://pаypal.com/) - Payments.\n', messageId: 'mixedScript' }],
  },
  check: (result) => {
    // Skipped and excluded links were not asked about; a mixed name in them is the author's business.
    if (result.verdict === 'skipped' || result.verdict === 'excluded') return undefined;
    const mixed = findMixedScript(hostOf(result.url));
    if (!mixed) return undefined;
    return { messageId: 'mixedScript', data: { unicode: mixed.unicode, punycode: mixed.punycode, scripts: mixed.scripts.join(' and ') } };
  },
});
