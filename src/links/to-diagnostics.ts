// Turns link results into diagnostics through the link rules: one per occurrence per finding, with fixes for permanent redirects.
import { toSeverity, type Diagnostic, type Severity, type SeveritySetting, type TextEdit } from '../diagnostics.js';
import type { LinksConfig } from '../config/links-schema.js';
import { formatMessage } from '../rules/define-rule.js';
import { isConfirmedFailure } from './cache.js';
import { fragmentOf, withoutFragment } from './extract.js';
import type { AnyLinkRule, LinkFinding } from './rules/define-link-rule.js';
import { linkRules } from './rules/index.js';
import type { LinkOccurrence, LinkResult } from './types.js';

export { isHttpsUpgrade } from './rules/link-redirect.js';

/** Severity and options of each link rule, by id, as resolved from the config's `rules`. */
export type LinkRuleSettings = Readonly<Record<string, { severity: SeveritySetting; options: unknown }>>;

/** Options of {@link linkDiagnostics}. */
export interface LinkDiagnosticsOptions {
  config: Pick<LinksConfig, 'cache'>;
  /** Each link rule's severity and options; a rule not listed runs at its defaults. */
  rules?: LinkRuleSettings;
  /** True when a cache tracks failures across runs: unconfirmed failures are then only warnings. */
  isConfirming: boolean;
  /**
   * True for a pull-request check (`--changed-since`): failures need no confirmation across runs, and
   * unverifiable links (bot walls, rate limits) are at most warnings, so only real failures fail the check.
   */
  isChangedOnly?: boolean;
  /** The link rules to apply (default: every registered one). */
  registry?: readonly AnyLinkRule[];
}

/** Each rule's default severity and options, for callers without a resolved config. */
export function defaultLinkRuleSettings(registry: readonly AnyLinkRule[] = linkRules): LinkRuleSettings {
  return Object.fromEntries(registry.map((rule) => [rule.id, { severity: rule.defaultSeverity, options: rule.options.parse({}) }]));
}

/** Diagnostics for every occurrence of every result a link rule reports, at the configured severities. */
export function linkDiagnostics(results: readonly LinkResult[], options: LinkDiagnosticsOptions): Diagnostic[] {
  const registry = options.registry ?? linkRules;
  const settings = { ...defaultLinkRuleSettings(registry), ...options.rules };
  const diagnostics: Diagnostic[] = [];
  for (const result of results) {
    for (const rule of registry) {
      const setting = settings[rule.id];
      if (!setting || setting.severity === 'off') continue;
      const finding = rule.check(result, setting.options);
      if (!finding) continue;
      const { severity: confirmedSeverity, note } = confirmed(rule, result, setting.severity, options);
      const configured = options.isChangedOnly === true && rule.id === 'link-unverifiable' ? milder(confirmedSeverity, 'warn') : confirmedSeverity;
      const severity = toSeverity(configured);
      if (!severity) continue;
      const message = formatMessage(rule.messages[finding.messageId] ?? finding.messageId, { note, ...finding.data });
      diagnostics.push(...occurrenceDiagnostics(result, rule.id, severity, finding, message));
    }
  }
  return diagnostics;
}

/** A failure a cache has not yet seen on enough runs is at most a warning, and says so. */
function confirmed(rule: AnyLinkRule, result: LinkResult, setting: SeveritySetting, options: LinkDiagnosticsOptions): { severity: SeveritySetting; note: string } {
  const needed = options.config.cache.confirmAfterRuns;
  if (!rule.needsConfirmation || !options.isConfirming || options.isChangedOnly === true || isConfirmedFailure(result.failedRuns, needed)) return { severity: setting, note: '' };
  return { severity: milder(setting, 'warn'), note: `; failed ${result.failedRuns} of ${needed} runs needed to confirm` };
}

function occurrenceDiagnostics(result: LinkResult, ruleId: string, severity: Severity, finding: LinkFinding, message: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const fixed = new Set<string>();
  for (const occurrence of result.occurrences) {
    const diagnostic: Diagnostic = {
      ruleId,
      severity,
      message,
      messageId: finding.messageId,
      file: occurrence.file,
      start: occurrence.start,
      end: occurrence.end,
      url: result.url,
      actual: occurrence.written,
    };
    if (result.finalUrl && result.verdict === 'redirect') diagnostic.expected = [result.finalUrl];
    const fix = finding.rewriteTo === undefined ? undefined : rewriteFix(occurrence, result.url, finding.rewriteTo);
    // A reference definition is shared by its references: offer its fix once, not once per use.
    const key = fix?.[0] ? `${occurrence.file}:${fix[0].start}` : '';
    if (fix && !fixed.has(key)) {
      fixed.add(key);
      diagnostic.fix = fix;
    }
    diagnostics.push(diagnostic);
  }
  return diagnostics;
}

const RANK: Record<SeveritySetting, number> = { off: 0, warn: 1, error: 2 };

/** The milder of two severity settings. */
function milder(a: SeveritySetting, b: SeveritySetting): SeveritySetting {
  return RANK[a] <= RANK[b] ? a : b;
}

/** Whether the written URL is exactly the checked one (fragment aside), so replacing its range is safe. */
function writtenMatches(occurrence: LinkOccurrence, checkedUrl: string): boolean {
  return (
    occurrence.urlStart !== undefined &&
    occurrence.urlEnd !== undefined &&
    occurrence.urlEnd - occurrence.urlStart === occurrence.written.length &&
    withoutFragment(occurrence.written) === checkedUrl
  );
}

/** The edit moving one occurrence to `target`: only the scheme for an https upgrade, else the whole URL (fragment kept). */
function rewriteFix(occurrence: LinkOccurrence, checkedUrl: string, target: string): TextEdit[] | undefined {
  if (!writtenMatches(occurrence, checkedUrl)) return undefined;
  const written = occurrence.written;
  if (written.slice(0, 5).toLowerCase() === 'http:' && target.slice(0, 6).toLowerCase() === 'https:' && withoutFragment(written).slice(4) === target.slice(5)) {
    return [{ start: occurrence.urlStart!, end: occurrence.urlStart! + 4, text: 'https' }];
  }
  const fragment = fragmentOf(written);
  const text = fragment !== '' && fragmentOf(target) === '' ? target + fragment : target;
  return [{ start: occurrence.urlStart!, end: occurrence.urlEnd!, text }];
}
