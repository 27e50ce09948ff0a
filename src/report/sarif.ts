// The sarif reporter: SARIF 2.1.0 for code scanning (GitHub and other SARIF viewers), with rule metadata and fixes.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from '../diagnostics.js';
import { PROJECT_URL } from '../config/defaults.js';
import { sortedDiagnostics } from './helpers.js';
import type { Report, Reporter, RuleInfo } from './types.js';

/** Where SARIF 2.1.0's JSON Schema lives (OASIS errata 01). */
export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** The base every artifact URI is relative to: the run's working directory. */
const SRCROOT = '%SRCROOT%';

type Json = Record<string, unknown>;

/** One SARIF log with one run: the rule table, then one result per diagnostic. */
export const sarif: Reporter = (report) => {
  const rules = ruleTable(report);
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const results = report.files.flatMap((file) => sortedDiagnostics(file).map((d) => result(d, index.get(d.ruleId)!)));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: PROJECT_URL,
            rules: rules.map(ruleDescriptor),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(report.cwd) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

/** The report's rules plus any rule id that only diagnostics mention (link checks, crashed rules), so every result has a `ruleIndex`. */
function ruleTable(report: Report): RuleInfo[] {
  const rules = [...report.rules];
  const known = new Set(rules.map((rule) => rule.id));
  const extra = new Set<string>();
  for (const file of report.files) for (const d of file.diagnostics) if (!known.has(d.ruleId)) extra.add(d.ruleId);
  for (const id of [...extra].sort()) rules.push({ id, description: `lint-lists check \`${id}\`.`, fixable: false });
  return rules;
}

function ruleDescriptor(rule: RuleInfo): Json {
  return {
    id: rule.id,
    shortDescription: { text: rule.description },
    ...(rule.helpUri !== undefined ? { helpUri: rule.helpUri } : {}),
    properties: { fixable: rule.fixable },
  };
}

function result(d: Diagnostic, ruleIndex: number): Json {
  const artifactLocation = artifact(d.file);
  const region: Json = { startLine: d.start.line, startColumn: d.start.column };
  if (d.end) Object.assign(region, { endLine: d.end.line, endColumn: d.end.column });
  const out: Json = {
    ruleId: d.ruleId,
    ruleIndex,
    level: d.severity === 'error' ? 'error' : 'warning',
    message: { text: d.message },
    locations: [{ physicalLocation: { artifactLocation, region } }],
  };
  if (d.related && d.related.length > 0) {
    out.relatedLocations = d.related.map((place, id) => ({
      id,
      physicalLocation: { artifactLocation: artifact(place.file), region: { startLine: place.start.line, startColumn: place.start.column } },
      ...(place.message !== undefined ? { message: { text: place.message } } : {}),
    }));
  }
  if (d.fix && d.fix.length > 0) {
    out.fixes = [
      {
        description: { text: `Fix: ${d.message}` },
        artifactChanges: [
          {
            artifactLocation,
            replacements: d.fix.map((edit) => ({
              deletedRegion: { charOffset: edit.start, charLength: edit.end - edit.start },
              insertedContent: { text: edit.text },
            })),
          },
        ],
      },
    ];
  }
  return out;
}

/** A relative path becomes a URI relative to `%SRCROOT%`; an absolute one a `file:` URI of its own. */
function artifact(file: string): Json {
  if (path.isAbsolute(file)) return { uri: pathToFileURL(file).href };
  const uri = file.split(/[\\/]/).map(encodeURIComponent).join('/');
  return { uri, uriBaseId: SRCROOT };
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}
