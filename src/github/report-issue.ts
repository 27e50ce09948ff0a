// Keeps exactly one open dead-link report issue in step with the latest scheduled check: create, update or close it.
import type { GitHubClient } from './api.js';
import { diffFindings, type RunFindings } from './report-state.js';
import {
  REPORT_MARKER,
  REPORT_TITLE,
  readPreviousState,
  renderChangeComment,
  renderClosingComment,
  renderIssueBody,
  type ReportContext,
} from './issue-body.js';

interface Issue {
  number: number;
  body?: string | null;
  html_url?: string;
  pull_request?: unknown;
}

/** What the sync did. */
export interface SyncOutcome {
  action: 'created' | 'updated' | 'closed' | 'none';
  issueNumber?: number;
  issueUrl?: string;
}

/** Label put on the report issue (also created by GitHub on first use). */
export const REPORT_LABEL = 'dead-links';

/** Finds the open report issue, if any: the oldest open issue carrying the report marker (pull requests excluded). */
export async function findReportIssue(client: GitHubClient): Promise<Issue | undefined> {
  const open = await client.paginate<Issue>(`/repos/${client.repository}/issues?state=open&per_page=100`);
  return open
    .filter((issue) => issue.pull_request === undefined && (issue.body ?? '').includes(REPORT_MARKER))
    .sort((a, b) => a.number - b.number)[0];
}

/**
 * Brings the report issue in line with `findings`: opens it when links are confirmed broken and none is open,
 * updates the open one otherwise (with a comment when something changed), and closes it once everything is healthy.
 */
export async function syncReportIssue(client: GitHubClient, findings: RunFindings, context: ReportContext): Promise<SyncOutcome> {
  const issue = await findReportIssue(client);
  const diff = diffFindings(readPreviousState(issue?.body), findings);
  const base = `/repos/${client.repository}/issues`;

  if (findings.broken.length === 0) {
    if (!issue) return { action: 'none' };
    await client.request('POST', `${base}/${issue.number}/comments`, { body: renderClosingComment(diff, context) });
    await client.request('PATCH', `${base}/${issue.number}`, {
      body: renderIssueBody(findings, diff, context),
      state: 'closed',
      state_reason: 'completed',
    });
    return { action: 'closed', issueNumber: issue.number, issueUrl: issue.html_url };
  }

  const body = renderIssueBody(findings, diff, context);
  if (!issue) {
    const created = await client.request<Issue>('POST', base, { title: REPORT_TITLE, body, labels: [REPORT_LABEL] });
    return { action: 'created', issueNumber: created.number, issueUrl: created.html_url };
  }
  await client.request('PATCH', `${base}/${issue.number}`, { body });
  const comment = renderChangeComment(diff);
  if (comment) await client.request('POST', `${base}/${issue.number}/comments`, { body: comment });
  return { action: 'updated', issueNumber: issue.number, issueUrl: issue.html_url };
}
