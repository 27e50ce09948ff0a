// `lint-lists report-issue <report.json>`: keeps the repository's dead-link report issue in step with a link check.
import { LintListsError } from '../../errors.js';
import { loadConfig } from '../../config/load.js';
import { createGitHubClient } from '../../github/api.js';
import { findingsFromReport } from '../../github/report-state.js';
import { resolveReportAuthor, syncReportIssue, type SyncOutcome } from '../../github/report-issue.js';
import { resolveGitHubApiUrl } from '../../links/github-api.js';
import type { Io } from '../io.js';
import { readReportFile } from '../../report/read-report.js';
import { toolVersion } from '../../version.js';

/** What the command needs besides the environment. */
export interface ReportIssueOptions {
  reportFile: string;
  configPath?: string;
  /** Overrides `links.cache.confirmAfterRuns`. */
  confirmAfterRuns?: number;
}

/**
 * Creates, updates or closes the report issue. Reads GITHUB_TOKEN and GITHUB_REPOSITORY (required), GITHUB_API_URL
 * (GitHub Enterprise Server), REPORT_RUN_URL and REPORT_ARTIFACT_URL (where the full report is), and
 * LINT_LISTS_REPORT_AUTHOR (the bot login of a GitHub App token; default `github-actions[bot]`).
 */
export async function runReportIssue(options: ReportIssueOptions, io: Io): Promise<SyncOutcome> {
  const token = io.env.GITHUB_TOKEN;
  const repository = io.env.GITHUB_REPOSITORY;
  if (!token || !repository) {
    throw new LintListsError('USAGE', 'report-issue: needs GITHUB_TOKEN and GITHUB_REPOSITORY in the environment');
  }
  const report = await readReportFile(options.reportFile, io.cwd);
  if (report.networkDown) throw new LintListsError('USAGE', `${options.reportFile}: the network was down during that check; not reporting it`);
  const { rules } = await import('../../rules/index.js');
  const config = await loadConfig({ cwd: io.cwd, configPath: options.configPath, rules });
  const confirmAfterRuns = options.confirmAfterRuns ?? config.links.cache.confirmAfterRuns;
  const client = createGitHubClient({
    repository,
    token,
    apiUrl: resolveGitHubApiUrl(io.env, config.links.github.apiUrl),
    allowPrivate: config.links.allowPrivate,
    userAgent: `lint-lists/${toolVersion()}`,
  });
  try {
    const author = await resolveReportAuthor(client, io.env.LINT_LISTS_REPORT_AUTHOR || undefined);
    const outcome = await syncReportIssue(client, findingsFromReport(report, confirmAfterRuns), {
      date: new Date().toISOString().slice(0, 10),
      runUrl: io.env.REPORT_RUN_URL || undefined,
      artifactUrl: io.env.REPORT_ARTIFACT_URL || undefined,
    }, author);
    const where = outcome.issueUrl ?? (outcome.issueNumber !== undefined ? `#${outcome.issueNumber}` : '');
    io.stderr(`lint-lists: report issue ${outcome.action}${where ? ` (${where})` : ''}\n`);
    return outcome;
  } finally {
    await client.close();
  }
}
