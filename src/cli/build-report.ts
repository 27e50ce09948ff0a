// Kept for imports from before the engine moved out of cli/: the report builder lives in engine/build-report.ts.
export { buildReport, ruleInfos, type ReportParts } from '../engine/build-report.js';
