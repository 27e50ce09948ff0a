// Turns zod issues into one readable line each: the file, the key path, the bad value and what is allowed.
import type * as z from 'zod';
import { plural } from '../plural.js';
import type { Locate } from './locate.js';
import { closestMatch, joinOr, listChoices } from './suggest.js';

type PathKey = PropertyKey;

/** The parts of a zod issue we read; zod's own union type is wider than what config schemas produce. */
interface Issue {
  code: string;
  path: PathKey[];
  message: string;
  expected?: string;
  values?: unknown[];
  keys?: string[];
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  origin?: string;
  errors?: Issue[][];
}

/** The parts of a zod schema's definition needed to find which keys an object allows. */
interface SchemaDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
  items?: z.ZodType[];
  options?: z.ZodType[];
  in?: z.ZodType;
}

/** What `formatIssues` needs to describe a failed parse. */
export interface IssueContext {
  /** File name shown at the start of each line. */
  file: string;
  /** The parsed value (the issues' paths index into it). */
  input: unknown;
  /** The schema that failed, to list the keys an object allows. */
  schema: z.ZodType;
  /** Path of `input` inside the config file, e.g. `['rules', 'heading-case', 1]` for a rule's options. */
  prefix?: PathKey[];
  /** Finds a path's line and column in the file, so each line can say `file:line:col`. */
  locate?: Locate;
}

/** `file`, or `file:line:col` when `locate` finds the path (with `isKey`, the key naming it). */
export function placeOf(file: string, path: readonly PathKey[], locate: Locate | undefined, isKey = false): string {
  const at = locate?.(path, isKey);
  return at ? `${file}:${at.line}:${at.column}` : file;
}

/** One line per problem: `file: key.path: got <value>, expected <what is allowed>`. */
export function formatIssues(issues: readonly z.core.$ZodIssue[], context: IssueContext): string[] {
  return (issues as unknown as Issue[]).flatMap((issue) => formatIssue(issue, [], context));
}

/** Formats a path the way users write it: `rules.heading-case`, `style.sections.required[0]`. */
export function formatPath(path: readonly PathKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[\w$-]+$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

function formatIssue(issue: Issue, base: PathKey[], context: IssueContext): string[] {
  const path = [...base, ...issue.path];
  const line = (at: PathKey[], text: string, isKey = false): string => {
    const full = [...(context.prefix ?? []), ...at];
    const where = formatPath(full);
    const file = placeOf(context.file, full, context.locate, isKey);
    return where === '' ? `${file}: ${text}` : `${file}: ${where}: ${text}`;
  };
  const got = `got ${describeValue(valueAt(context.input, path))}`;
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeys(context.schema, path);
      return (issue.keys ?? []).map((key) => {
        const suggestion = allowed ? closestMatch(key, allowed) : undefined;
        const choices = allowed && allowed.length > 0 ? `, expected one of ${listChoices(allowed)}` : '';
        return line([...path, key], `unknown key${choices}${suggestion ? ` (did you mean ${JSON.stringify(suggestion)}?)` : ''}`, true);
      });
    }
    case 'invalid_union':
      return formatUnion(issue, path, context, got, line);
    case 'invalid_type':
    case 'invalid_value':
    case 'too_small':
    case 'too_big':
      return [line(path, `${got}, expected ${expectation(issue)}`)];
    default:
      // Refinements and formats carry their own wording.
      return [line(path, `${got}: ${issue.message.replace(/^Invalid input: /, '')}`)];
  }
}

/** A union failed: report the branch that got furthest, or list what each branch would have taken. */
function formatUnion(issue: Issue, path: PathKey[], context: IssueContext, got: string, line: (at: PathKey[], text: string, isKey?: boolean) => string): string[] {
  const branches = issue.errors ?? [];
  const isShallow = (branch: Issue[]): boolean =>
    branch.every((inner) => inner.path.length === 0 && (inner.code === 'invalid_type' || inner.code === 'invalid_value'));
  // A branch whose problems lie deeper matched the value's shape: its problems are the real ones.
  const deeper = branches.find((branch) => !isShallow(branch));
  if (deeper) return deeper.flatMap((inner) => formatIssue(inner, path, context));
  const value = valueAt(context.input, path);
  const shallow = branches.flat();
  // A string where an enum of strings was allowed is a misspelt choice: list the choices only.
  const sameKind = shallow.filter((inner) => inner.code === 'invalid_value' && (inner.values ?? []).some((v) => typeof v === typeof value));
  const chosen = sameKind.length > 0 ? sameKind : shallow;
  const values = chosen.flatMap((inner) => (inner.code === 'invalid_value' ? (inner.values ?? []) : []));
  const types = chosen.flatMap((inner) => (inner.code === 'invalid_type' ? [describeType(inner.expected)] : []));
  const words = [...values.map((v) => JSON.stringify(v)), ...new Set(types)];
  return [line(path, `${got}, expected ${words.length > 0 ? joinOr(words) : 'a valid value'}`)];
}

/** What an issue says would have been accepted. */
function expectation(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return describeType(issue.expected);
    case 'invalid_value':
      return listChoices(issue.values ?? []);
    case 'too_small':
      return describeBound(issue, 'at least', 'more than', '>=', '>');
    default:
      return describeBound(issue, 'at most', 'fewer than', '<=', '<');
  }
}

function describeBound(issue: Issue, inclusiveWord: string, exclusiveWord: string, inclusiveOp: string, exclusiveOp: string): string {
  const bound = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
  const isInclusive = issue.inclusive !== false;
  if (issue.origin === 'string') {
    if (issue.code === 'too_small' && bound === 1 && isInclusive) return 'a non-empty string';
    return `${isInclusive ? inclusiveWord : exclusiveWord} ${plural(bound, 'character')}`;
  }
  if (issue.origin === 'array' || issue.origin === 'set') {
    return `${isInclusive ? inclusiveWord : exclusiveWord} ${plural(bound, 'item')}`;
  }
  return `a number ${isInclusive ? inclusiveOp : exclusiveOp} ${bound}`;
}

function describeType(expected: string | undefined): string {
  switch (expected) {
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'int':
      return 'a whole number';
    case 'boolean':
      return 'true or false';
    case 'array':
    case 'tuple':
      return 'an array';
    case 'object':
    case 'record':
      return 'an object';
    case 'null':
      return 'null';
    default:
      return expected ?? 'a valid value';
  }
}

/** A short rendering of a bad value: JSON, cut to a readable length. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function valueAt(input: unknown, path: readonly PathKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** The keys the object schema at `path` allows, or undefined when it can't be told. */
function allowedKeys(schema: z.ZodType, path: readonly PathKey[]): string[] | undefined {
  let current: z.ZodType | undefined = unwrap(schema);
  for (const key of path) {
    if (current === undefined) return undefined;
    current = unwrap(childSchema(current, key));
  }
  const def = current ? defOf(current) : undefined;
  if (def?.type === 'object' && def.shape) return Object.keys(def.shape);
  if (def?.type === 'union') {
    for (const option of def.options ?? []) {
      const inner = defOf(unwrap(option)!);
      if (inner.type === 'object' && inner.shape) return Object.keys(inner.shape);
    }
  }
  return undefined;
}

function childSchema(schema: z.ZodType, key: PathKey): z.ZodType | undefined {
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return typeof key === 'string' ? def.shape?.[key] : undefined;
    case 'array':
      return def.element;
    case 'record':
      return def.valueType;
    case 'tuple':
      return typeof key === 'number' ? def.items?.[key] : undefined;
    case 'union':
      for (const option of def.options ?? []) {
        const child = childSchema(unwrap(option)!, key);
        if (child) return child;
      }
      return undefined;
    default:
      return undefined;
  }
}

/** Looks through optional, default, nullable and pipe wrappers to the schema that holds the shape. */
function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  for (let depth = 0; current !== undefined && depth < 20; depth++) {
    const def = defOf(current);
    const inner = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
    if (inner === undefined) return current;
    current = inner;
  }
  return current;
}

function defOf(schema: z.ZodType): SchemaDef {
  return schema.def as unknown as SchemaDef;
}
