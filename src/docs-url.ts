// Where each rule's documentation page lives, for SARIF `helpUri`, the JSON report and the terminal output.
import { PROJECT_URL } from './config/defaults.js';

/** The published page of rule `id` (docs/rules/<id>.md in the repository). */
export function ruleDocsUrl(id: string): string {
  return `${PROJECT_URL}/blob/main/docs/rules/${id}.md`;
}
