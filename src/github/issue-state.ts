// The report issue's hidden state: which links were broken last time and the counts of recent runs, kept in an HTML comment.
import { createHash } from 'node:crypto';
import { commentSafeJson } from './inert.js';

/** The counts of one run, as the trend chart draws them. */
export interface HistoryPoint {
  /** `YYYY-MM-DD` */
  date: string;
  broken: number;
  added: number;
  fixed: number;
  unconfirmed: number;
  redirects: number;
}

/** What the previous report recorded. */
export interface IssueState {
  /** Confirmed broken URLs, when they fit in the body. */
  urls: string[];
  /** Hashes ({@link hashUrl}) of confirmed broken URLs, kept instead of the URLs when those would not fit. */
  hashes: string[];
  /** Oldest first, at most {@link HISTORY_RUNS}. */
  history: HistoryPoint[];
}

/** Runs kept in the history (and drawn in the chart). */
export const HISTORY_RUNS = 12;
/** Above this many characters of URLs the state keeps hashes instead. */
const URL_STATE_CHARS = 16_000;
/** Hashes kept at most (8 characters each): past it the oldest-listed links lose their "still broken" memory. */
const MAX_HASHES = 2_500;
const HASH_CHARS = 8;

const STATE_PREFIX = '<!-- lint-lists-state ';
const STATE_SUFFIX = ' -->';

/** A short stable key for a URL (48 bits of SHA-256, base64url). */
export function hashUrl(url: string): string {
  return createHash('sha256').update(url).digest('base64url').slice(0, HASH_CHARS);
}

/** The state comment for `brokenUrls` (most important first) and `history` (oldest first). */
export function renderState(brokenUrls: readonly string[], history: readonly HistoryPoint[]): string {
  const urlChars = brokenUrls.reduce((sum, url) => sum + url.length + 3, 0);
  const state =
    urlChars <= URL_STATE_CHARS
      ? { v: 2, broken: brokenUrls, history }
      : { v: 2, hashed: brokenUrls.slice(0, MAX_HASHES).map(hashUrl).join(''), history };
  return `${STATE_PREFIX}${commentSafeJson(state)}${STATE_SUFFIX}`;
}

/** Reads the state of a previous report; an edited, foreign or malformed state yields what can be trusted of it. */
export function readState(body: string | null | undefined): IssueState {
  const empty: IssueState = { urls: [], hashes: [], history: [] };
  if (!body) return empty;
  const start = body.lastIndexOf(STATE_PREFIX);
  if (start < 0) return empty;
  const end = body.indexOf(STATE_SUFFIX, start + STATE_PREFIX.length);
  if (end < 0) return empty;
  let raw: { broken?: unknown; hashed?: unknown; history?: unknown };
  try {
    raw = JSON.parse(body.slice(start + STATE_PREFIX.length, end)) as typeof raw;
  } catch {
    return empty;
  }
  if (typeof raw !== 'object' || raw === null) return empty;
  const urls = Array.isArray(raw.broken) ? raw.broken.filter((url): url is string => typeof url === 'string') : [];
  const hashes: string[] = [];
  if (typeof raw.hashed === 'string' && /^[A-Za-z0-9_-]*$/.test(raw.hashed)) {
    for (let i = 0; i + HASH_CHARS <= raw.hashed.length; i += HASH_CHARS) hashes.push(raw.hashed.slice(i, i + HASH_CHARS));
  }
  const history = Array.isArray(raw.history)
    ? raw.history
        .filter(isHistoryPoint)
        .slice(-HISTORY_RUNS)
        .map(({ date, broken, added, fixed, unconfirmed, redirects }) => ({ date, broken, added, fixed, unconfirmed, redirects }))
    : [];
  return { urls, hashes, history };
}

/** Appends `point`, keeping the last {@link HISTORY_RUNS} runs. */
export function appendHistory(history: readonly HistoryPoint[], point: HistoryPoint): HistoryPoint[] {
  return [...history, point].slice(-HISTORY_RUNS);
}

// The history ends up in a Mermaid block: only plain dates and small whole numbers get through.
function isHistoryPoint(value: unknown): value is HistoryPoint {
  if (typeof value !== 'object' || value === null) return false;
  const point = value as Record<string, unknown>;
  const isCount = (n: unknown): boolean => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
  return (
    typeof point.date === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(point.date) &&
    ['broken', 'added', 'fixed', 'unconfirmed', 'redirects'].every((key) => isCount(point[key]))
  );
}
