// The link-rule registry: every link check's verdict as a rule, sorted by id, and a lookup by id. Add a rule: one file, one line here.
import type { AnyLinkRule } from './define-link-rule.js';
import { linkArchived } from './link-archived.js';
import { linkDead } from './link-dead.js';
import { linkError } from './link-error.js';
import { linkMixedScript } from './link-mixed-script.js';
import { linkRedirect } from './link-redirect.js';
import { linkRefused } from './link-refused.js';
import { linkTimeout } from './link-timeout.js';
import { linkUnverifiable } from './link-unverifiable.js';

/** Every link rule, sorted by id. */
export const linkRules: readonly AnyLinkRule[] = [linkArchived, linkDead, linkError, linkMixedScript, linkRedirect, linkRefused, linkTimeout, linkUnverifiable];

/** Link rules by id. */
export const linkRuleById: ReadonlyMap<string, AnyLinkRule> = new Map(linkRules.map((rule) => [rule.id, rule]));
