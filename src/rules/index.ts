// The rule registry: every built-in rule, sorted by id, and a lookup by id.
import type { AnyRule } from './define-rule.js';
import { entryBullet } from './entry-bullet.js';
import { entryDescription } from './entry-description.js';
import { entryDescriptionCase } from './entry-description-case.js';
import { entryDescriptionEnd } from './entry-description-end.js';
import { entryDescriptionLength } from './entry-description-length.js';
import { entryDescriptionRepeatsName } from './entry-description-repeats-name.js';
import { entryLostBullet } from './entry-lost-bullet.js';
import { entryOrder } from './entry-order.js';
import { entrySeparator } from './entry-separator.js';
import { entryShape } from './entry-shape.js';
import { fileFinalNewline } from './file-final-newline.js';
import { headingCase } from './heading-case.js';
import { headingIncrement } from './heading-increment.js';
import { headingPunctuation } from './heading-punctuation.js';
import { headingTitle } from './heading-title.js';
import { linkAnchor } from './link-anchor.js';
import { linkBareUrl } from './link-bare-url.js';
import { linkDuplicate } from './link-duplicate.js';
import { linkHttps } from './link-https.js';
import { linkMalformed } from './link-malformed.js';
import { linkRelative } from './link-relative.js';
import { linkTextWhitespace } from './link-text-whitespace.js';
import { linkTracking } from './link-tracking.js';
import { nameSpelling } from './name-spelling.js';
import { sectionEmpty } from './section-empty.js';
import { sectionForbidden } from './section-forbidden.js';
import { sectionRequired } from './section-required.js';
import { tableRowCells } from './table-row-cells.js';
import { textBalanced } from './text-balanced.js';
import { textSpelling } from './text-spelling.js';
import { tocSections } from './toc-sections.js';
import { whitespaceTrailing } from './whitespace-trailing.js';

/** Every built-in rule, kept sorted by id (the order of the README table, SARIF metadata and the recommended preset; the registry test checks it). */
export const rules: AnyRule[] = [
  entryBullet,
  entryDescription,
  entryDescriptionCase,
  entryDescriptionEnd,
  entryDescriptionLength,
  entryDescriptionRepeatsName,
  entryLostBullet,
  entryOrder,
  entrySeparator,
  entryShape,
  fileFinalNewline,
  headingCase,
  headingIncrement,
  headingPunctuation,
  headingTitle,
  linkAnchor,
  linkBareUrl,
  linkDuplicate,
  linkHttps,
  linkMalformed,
  linkRelative,
  linkTextWhitespace,
  linkTracking,
  nameSpelling,
  sectionEmpty,
  sectionForbidden,
  sectionRequired,
  tableRowCells,
  textBalanced,
  textSpelling,
  tocSections,
  whitespaceTrailing,
];

/** Rules by id, for config validation and the runner. */
export const ruleById: ReadonlyMap<string, AnyRule> = new Map(rules.map((rule) => [rule.id, rule]));
