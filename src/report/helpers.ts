// Small helpers every reporter shares: counting link verdicts, plural words, files' diagnostics in print order.
import { compareDiagnostics, type Diagnostic } from '../diagnostics.js';
import type { LinkResult, Verdict } from '../links/types.js';
import type { FileReport } from './types.js';

export { plural } from '../plural.js';

/** Verdicts in the order reports list them: good news first, then failures, then what wasn't checked. */
export const VERDICT_ORDER: readonly Verdict[] = ['ok', 'redirect', 'dead', 'error', 'timeout', 'refused', 'unverifiable', 'excluded', 'skipped'];

/** How many link results have each verdict, in `VERDICT_ORDER`, zero counts left out. */
export function countVerdicts(links: readonly LinkResult[]): Array<[Verdict, number]> {
  const counts = new Map<Verdict, number>();
  for (const link of links) counts.set(link.verdict, (counts.get(link.verdict) ?? 0) + 1);
  return VERDICT_ORDER.flatMap((verdict) => {
    const count = counts.get(verdict) ?? 0;
    return count > 0 ? [[verdict, count] as [Verdict, number]] : [];
  });
}


/** A file's diagnostics in the order every reporter prints them. */
export function sortedDiagnostics(file: FileReport): Diagnostic[] {
  return [...file.diagnostics].sort(compareDiagnostics);
}

/** The results that ended in a redirect, with where they ended. */
export function redirectedLinks(links: readonly LinkResult[]): LinkResult[] {
  return links.filter((link) => link.verdict === 'redirect' && link.finalUrl !== undefined);
}

/** The line shown when the network was unreachable during the link check. */
export const NETWORK_DOWN_MESSAGE = 'The network was unreachable: link verdicts from this run are not trustworthy';
