// Built-in presets that `extends` can name: the recommended defaults and the awesome manifesto's conventions.
import type { ConfigInput } from './schema.js';

/** The preset every config starts from: every rule at its `defaultSeverity` with default options, and the default style. */
export const RECOMMENDED_PRESET = 'lint-lists:recommended';

/** The awesome manifesto's conventions on top of the recommended preset. */
export const AWESOME_PRESET = 'awesome';

/**
 * Preset name → the config it stands for. `lint-lists:recommended` is empty because the recommended
 * settings are the base every config is resolved over (rule defaults come from the rule registry).
 */
export const presets: Readonly<Record<string, ConfigInput>> = {
  [RECOMMENDED_PRESET]: {},
  [AWESOME_PRESET]: {
    // The manifesto and its pull-request checklist: a title-case `#` title, a Contents section at most two levels
    // deep (level-2 and level-3 headings), entries `- [Name](url) - Description.`, and no License section in the
    // readme (the licence lives in its own file).
    rules: {
      'heading-case': ['warn', { ignoreTitle: false, titleOnly: true }],
      'heading-title': ['error', { parts: true }],
      'toc-sections': 'error',
      'section-forbidden': 'error',
    },
    style: {
      bullet: '-',
      entry: {
        description: { required: true, placement: ['inline'], separator: ' - ', case: 'upper', end: ['.'] },
      },
      // Title case is asked of the `#` title only (heading-case's `titleOnly` above); section headings are free.
      headings: { case: 'title' },
      sections: {
        required: ['Contents'],
        forbidden: ['License', 'Licence'],
        entriesStart: 'after-toc',
        prose: ['Contributing', 'Contribute', 'License', 'Licence', 'Footnotes', 'Credits', 'Acknowledgements', 'Acknowledgments'],
      },
      toc: { required: true, minDepth: 2, maxDepth: 3 },
    },
  },
};

/** True when `name` is a built-in preset. */
export function isPresetName(name: string): boolean {
  return Object.hasOwn(presets, name);
}

/** True when an `extends` entry names a file rather than a preset: it has a path separator or a config extension. */
export function isConfigPath(entry: string): boolean {
  return entry.startsWith('.') || entry.includes('/') || entry.includes('\\') || /\.(?:json|ya?ml)$/i.test(entry);
}
