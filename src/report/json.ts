// The json reporter: the whole report as stable, versioned JSON for other tools.
import type { Report, Reporter } from './types.js';

/**
 * The report as two-space JSON, keys in a fixed order so diffs and consumers stay stable:
 *
 * ```text
 * {
 *   "version": 1,                        // REPORT_FORMAT_VERSION, bumped on incompatible change
 *   "tool": { "name": "lint-lists", "version": "x.y.z" },
 *   "cwd": "/abs/path",                  // file paths below are relative to it
 *   "summary": { "errors", "warnings", "fixable", "files", "filesWithProblems" },
 *   "files": [{ "file", "failure"?, "diagnostics": [Diagnostic] }],   // Diagnostic: see diagnostics.ts
 *   "links"?: [LinkResult],              // present when links were checked; see links/types.ts
 *   "networkDown"?: true,
 *   "rules": [{ "id", "description", "fixable", "helpUri"? }]
 * }
 * ```
 */
export const json: Reporter = (report) => `${JSON.stringify(orderedReport(report), null, 2)}\n`;

/** A copy of the report with its keys in the documented order. */
function orderedReport(report: Report): Record<string, unknown> {
  const out: Record<string, unknown> = {
    version: report.version,
    tool: report.tool,
    cwd: report.cwd,
    summary: report.summary,
    files: report.files.map((file) => ({
      file: file.file,
      ...(file.failure !== undefined ? { failure: file.failure } : {}),
      diagnostics: file.diagnostics,
    })),
  };
  if (report.links) out.links = report.links;
  if (report.networkDown !== undefined) out.networkDown = report.networkDown;
  out.rules = report.rules;
  return out;
}
