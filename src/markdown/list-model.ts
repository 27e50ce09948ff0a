// Builds the list model (sections, entries, links, ToC) from a parsed document.
// PLACEHOLDER: the real implementation replaces this file.
import type { ListDocument } from './types.js';
import type { Style } from '../config/style-schema.js';

/** Parses `text` and builds its list model under `style`. */
export function buildListModel(_file: string, _text: string, _style: Style): ListDocument {
  throw new Error('buildListModel is not implemented yet');
}
