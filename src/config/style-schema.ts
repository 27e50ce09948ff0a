// The style schema: the declarative description of a list's house style, shared by every rule as `ctx.style`.
import * as z from 'zod';

const nonEmpty = z.string().min(1);

/** Casing of the first letter of a description. */
export const descriptionCaseSchema = z
  .enum(['upper', 'lower', 'any'])
  .describe('First letter of a description: `upper` ("Fast…"), `lower` ("fast…") or `any`.');

/** How an entry's description is introduced and written. */
export const descriptionStyleSchema = z
  .object({
    required: z.boolean().default(true).describe('Every entry must have a description.'),
    placement: z
      .array(z.enum(['inline', 'paragraph', 'code']))
      .min(1)
      .default(['inline'])
      .describe(
        'Where descriptions may sit: `inline` after the link on the same line, `paragraph` in a following paragraph, `code` in a following code block.',
      ),
    separator: z
      .union([z.literal('any'), nonEmpty, z.null()])
      .default(' - ')
      .describe(
        'Text between the link (or badges) and an inline description, e.g. " - " or ": "; null when the description simply follows after a space ("[Name](url) is a …"); `any` accepts every separator and none.',
      ),
    case: descriptionCaseSchema.default('upper'),
    end: z
      .union([z.enum(['none', 'any']), z.array(nonEmpty).min(1)])
      .default(['.'])
      .describe(
        'How a description ends: a list of allowed final characters (e.g. ["."] or [".", "!", "?"]), `none` (no final punctuation) or `any`.',
      ),
    maxLength: z
      .union([z.number().int().positive(), z.null()])
      .default(null)
      .describe('Longest allowed description in characters, or null for no limit.'),
    minLength: z.number().int().min(0).default(0).describe('Shortest allowed description in characters; 0 for no minimum.'),
  })
  .strict()
  .meta({ title: 'Entry description' });

/** The layout of one entry. */
export const entryStyleSchema = z
  .object({
    prefix: z
      .array(z.enum(['none', 'tag', 'title']))
      .min(1)
      .default(['none'])
      .describe(
        'What may come before the link: `none`, a `tag` (`*paper*:`, `**Tool**`, an emoji) and/or a quoted `title` ("Title" [Source](url)).',
      ),
    grouped: z
      .boolean()
      .default(false)
      .describe('Allow grouped links: `[[Name](url) | [Notes](url)] description`.'),
    badges: z
      .enum(['forbidden', 'after-link', 'anywhere'])
      .default('forbidden')
      .describe('Badges (shields.io images): not allowed, only right after the link, or anywhere in the entry.'),
    description: descriptionStyleSchema.default(descriptionStyleSchema.parse({})),
  })
  .strict()
  .meta({ title: 'Entry layout' });

/** Heading conventions. */
export const headingStyleSchema = z
  .object({
    case: z
      .enum(['title', 'sentence'])
      .optional()
      .describe('`title` ("Model Serving") or `sentence` ("Model serving"); leave it out when the list has no heading casing.'),
    trailingPunctuation: z
      .string()
      .default('.,;:!?')
      .describe('Characters a heading must not end with ("" allows any).'),
    maxDepth: z.number().int().min(1).max(6).default(6).describe('Deepest heading level allowed.'),
  })
  .strict()
  .meta({ title: 'Headings' });

/** Section-level conventions: what must and must not be there, and what is prose. */
export const sectionStyleSchema = z
  .object({
    required: z
      .array(nonEmpty)
      .default([])
      .describe('Headings that must exist (case-insensitive text match), e.g. ["Contents", "Contributing"].'),
    forbidden: z
      .array(nonEmpty)
      .default([])
      .describe('Headings that must not exist, e.g. ["Table of Contents"] when the list calls it "Contents".'),
    prose: z
      .array(nonEmpty)
      .default(['Contributing', 'Contribute', 'License', 'Licence', 'Footnotes', 'Credits', 'Acknowledgements', 'Acknowledgments'])
      .describe('Sections whose content is prose, not entries (case-insensitive heading text).'),
    sort: z
      .enum(['none', 'alphabetical'])
      .default('none')
      .describe('Order of entries within each section: `alphabetical` (case-insensitive, by link text) or `none`.'),
    entriesStart: z
      .enum(['anywhere', 'after-toc'])
      .default('anywhere')
      .describe('`after-toc`: list items before the table of contents (badges, intro) are not entries.'),
  })
  .strict()
  .meta({ title: 'Sections' });

/** Table-of-contents conventions. */
export const tocStyleSchema = z
  .object({
    required: z.boolean().default(false).describe('The list must have a table of contents.'),
    minDepth: z.number().int().min(1).max(6).default(2).describe('Shallowest heading level the ToC must list.'),
    maxDepth: z.number().int().min(1).max(6).default(3).describe('Deepest heading level the ToC must list.'),
  })
  .strict()
  .meta({ title: 'Table of contents' });

/** The whole style block of a config file. */
export const styleSchema = z
  .object({
    bullet: z
      .enum(['consistent', '-', '*', '+'])
      .default('consistent')
      .describe('Bullet marker for entries; `consistent` accepts any one marker used throughout a file.'),
    entry: entryStyleSchema.default(entryStyleSchema.parse({})),
    headings: headingStyleSchema.default(headingStyleSchema.parse({})),
    sections: sectionStyleSchema.default(sectionStyleSchema.parse({})),
    toc: tocStyleSchema.default(tocStyleSchema.parse({})),
    names: z
      .array(nonEmpty)
      .default([])
      .describe('Extra canonical spellings added to the built-in ones (e.g. ["PyTorch", "MLflow"]).'),
  })
  .strict()
  .meta({ title: 'Style' });

/** The style as written in a config file (every key optional). */
export type StyleInput = z.input<typeof styleSchema>;
/** The resolved style every rule reads as `ctx.style`. */
export type Style = z.output<typeof styleSchema>;
/** The resolved description style. */
export type DescriptionStyle = Style['entry']['description'];
