// The Node.js versions lint-lists runs on, checked before anything that needs a newer Node is loaded.

/** Oldest supported Node.js release, as `package.json#engines` says. */
export const MINIMUM_NODE = { major: 20, minor: 19 } as const;

/** The message for an unsupported Node.js `version` (e.g. `18.20.4`), or undefined when it is supported. */
export function unsupportedNodeMessage(version: string): string | undefined {
  const [major = 0, minor = 0] = version.split('.').map((part) => Number.parseInt(part, 10));
  const isSupported = major > MINIMUM_NODE.major || (major === MINIMUM_NODE.major && minor >= MINIMUM_NODE.minor);
  if (isSupported) return undefined;
  return `lint-lists needs Node.js >= ${MINIMUM_NODE.major}.${MINIMUM_NODE.minor} (this is Node.js ${version})`;
}
