// Where each style value of a resolved config came from: a preset, a config file or the command line.
import type { ConfigInput } from './schema.js';

/** One layer of a config, in merge order, and how to name where it came from. */
export interface ConfigLayer {
  config: ConfigInput;
  /** `preset "awesome"`, a config file's display path, `config` (the API) or `command line`. */
  origin: string;
}

/**
 * Style path → origin of the layer that last set it. A path is a dotted key (`entry.description.end`); objects are
 * walked into, and arrays and scalars are values. Later layers win, as when merging.
 */
export function styleOrigins(layers: readonly ConfigLayer[]): Record<string, string> {
  const origins: Record<string, string> = {};
  for (const layer of layers) {
    const style = layer.config.style;
    if (style !== undefined) for (const key of valuePaths(style, '')) origins[key] = layer.origin;
  }
  return origins;
}

/** The dotted paths of every value set in `value` (objects walked into; arrays and scalars are values; undefined is not set). */
export function valuePaths(value: unknown, prefix: string): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return prefix === '' ? [] : [prefix];
  const paths: string[] = [];
  for (const [key, inner] of Object.entries(value)) {
    if (inner === undefined) continue;
    paths.push(...valuePaths(inner, prefix === '' ? key : `${prefix}.${key}`));
  }
  return paths;
}
