// Keeps exactly one open dead-link report issue in step with the latest scheduled check: create, update or close it.
import type { GitHubClient } from './api.js';
import { GitHubApiError } from '../links/github-api.js';
import { appendHistory, readState } from './issue-state.js';
import { diffFindings, type RunFindings } from './report-state.js';
import { REPORT_MARKER, REPORT_TITLE, renderChangeComment, renderClosingComment, renderIssueBody, type ReportContext } from './issue-body.js';

/** The author fields of an issue, as the API returns them. */
interface IssueUser {
  login?: unknown;
  id?: unknown;
  type?: unknown;
}

interface Issue {
  number: number;
  body?: string | null;
  html_url?: string;
  pull_request?: unknown;
  user?: IssueUser | null;
}

/** Who the token acts as: only issues this identity opened are ever adopted. */
export interface ReportAuthor {
  login: string;
  type: 'User' | 'Bot';
  /** Known for user tokens (`GET /user`); logins can be renamed and reused, ids cannot. */
  id?: number;
}

/** The identity of the Actions token (`GITHUB_TOKEN`), which cannot read `GET /user`. */
export const ACTIONS_BOT: ReportAuthor = { login: 'github-actions[bot]', type: 'Bot' };

/** What the sync did. */
export interface SyncOutcome {
  action: 'created' | 'updated' | 'closed' | 'none';
  issueNumber?: number;
  issueUrl?: string;
}

/** Label put on the report issue (also created by GitHub on first use). */
export const REPORT_LABEL = 'dead-links';

/**
 * Works out who the token acts as: `GET /user` for a user token; an installation token (the Actions `GITHUB_TOKEN`,
 * a GitHub App) is refused there with 403 and acts as `botLogin` (default `github-actions[bot]`).
 */
export async function resolveReportAuthor(client: GitHubClient, botLogin?: string): Promise<ReportAuthor> {
  try {
    const user = await client.request<IssueUser>('GET', '/user');
    if (typeof user.login !== 'string' || (user.type !== 'User' && user.type !== 'Bot')) {
      throw new GitHubApiError('GitHub API GET /user: the answer names no login');
    }
    return { login: user.login, type: user.type, ...(typeof user.id === 'number' ? { id: user.id } : {}) };
  } catch (error) {
    if (error instanceof GitHubApiError && error.status === 403) return botLogin ? { login: botLogin, type: 'Bot' } : ACTIONS_BOT;
    throw error;
  }
}

/** True when `author` opened `issue`, judged by the API's author fields (never by the body, which anyone can copy). */
export function isOpenedBy(issue: Issue, author: ReportAuthor): boolean {
  const user = issue.user;
  if (!user || typeof user.login !== 'string') return false;
  if (user.login.toLowerCase() !== author.login.toLowerCase() || user.type !== author.type) return false;
  return author.id === undefined || user.id === author.id;
}

/** Finds the open report issue, if any: the oldest open issue that `author` opened with the report marker (pull requests excluded). */
export async function findReportIssue(client: GitHubClient, author: ReportAuthor): Promise<Issue | undefined> {
  const open = await client.paginate<Issue>(`/repos/${client.repository}/issues?state=open&per_page=100`);
  return open
    .filter((issue) => issue.pull_request === undefined && isOpenedBy(issue, author) && (issue.body ?? '').includes(REPORT_MARKER))
    .sort((a, b) => a.number - b.number)[0];
}

/**
 * Brings the report issue in line with `findings`: opens it when links are confirmed broken and none is open,
 * updates the open one otherwise (with a comment when something changed), and closes it once everything is healthy.
 */
export async function syncReportIssue(client: GitHubClient, findings: RunFindings, context: ReportContext, author: ReportAuthor): Promise<SyncOutcome> {
  const issue = await findReportIssue(client, author);
  const previous = readState(issue?.body);
  const diff = diffFindings(previous, findings);
  const history = appendHistory(previous.history, {
    date: context.date,
    broken: findings.broken.length,
    added: diff.added.length,
    fixed: diff.fixed.length + diff.fixedUnnamed,
    unconfirmed: findings.unconfirmed,
    redirects: findings.redirects.length,
  });
  const body = renderIssueBody(findings, diff, history, context);
  const base = `/repos/${client.repository}/issues`;

  if (findings.broken.length === 0) {
    if (!issue) return { action: 'none' };
    await client.request('POST', `${base}/${issue.number}/comments`, { body: renderClosingComment(diff, context) });
    await client.request('PATCH', `${base}/${issue.number}`, { body, state: 'closed', state_reason: 'completed' });
    return { action: 'closed', issueNumber: issue.number, issueUrl: issue.html_url };
  }

  if (!issue) {
    const created = await client.request<Issue>('POST', base, { title: REPORT_TITLE, body, labels: [REPORT_LABEL] });
    return { action: 'created', issueNumber: created.number, issueUrl: created.html_url };
  }
  await client.request('PATCH', `${base}/${issue.number}`, { body });
  const comment = renderChangeComment(diff, context);
  if (comment) await client.request('POST', `${base}/${issue.number}/comments`, { body: comment });
  return { action: 'updated', issueNumber: issue.number, issueUrl: issue.html_url };
}
