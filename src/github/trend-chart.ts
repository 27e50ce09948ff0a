// Draws the link-health trend of recent runs as a Mermaid xychart, which GitHub renders in issue bodies.
import type { HistoryPoint } from './issue-state.js';

/**
 * A fenced Mermaid `xychart-beta`: confirmed broken links per run as bars, failing-but-unconfirmed as a line.
 * Only dates and counts from a validated history go in, so nothing from outside reaches the diagram source.
 */
export function renderTrendChart(history: readonly HistoryPoint[]): string[] {
  if (history.length === 0) return [];
  const labels = uniqueLabels(history.map((point) => point.date.slice(5)));
  const broken = history.map((point) => point.broken);
  const unconfirmed = history.map((point) => point.unconfirmed);
  const top = Math.max(1, ...broken, ...unconfirmed);
  return [
    '```mermaid',
    'xychart-beta',
    `    title "Broken links, last ${history.length} ${history.length === 1 ? 'run' : 'runs'}"`,
    `    x-axis [${labels.map((label) => `"${label}"`).join(', ')}]`,
    `    y-axis "Links" 0 --> ${top}`,
    `    bar [${broken.join(', ')}]`,
    `    line [${unconfirmed.join(', ')}]`,
    '```',
    '',
    '<sub>Bars: confirmed broken. Line: failing, not yet confirmed.</sub>',
  ];
}

/** Two runs on one day would share a category: number the repeats. */
function uniqueLabels(labels: string[]): string[] {
  const seen = new Map<string, number>();
  return labels.map((label) => {
    const count = (seen.get(label) ?? 0) + 1;
    seen.set(label, count);
    return count === 1 ? label : `${label} (${count})`;
  });
}
