/** Strings a feature module adds to the locale: resource labels and its own `app.*` keys. */
export interface ModuleMessages {
  resources?: Record<string, unknown>;
  app?: Record<string, unknown>;
}

type Tree = Record<string, unknown>;

const isTree = (value: unknown): value is Tree => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Deep-merges module strings into the core messages; a key defined twice is a programming error, not an override. */
export function mergeMessages<T extends Tree>(core: T, modules: readonly ModuleMessages[], path = ''): T {
  const merged: Tree = { ...core };
  for (const module of modules) {
    for (const [key, value] of Object.entries(module)) {
      const existing = merged[key];
      if (existing === undefined) merged[key] = value;
      else if (isTree(existing) && isTree(value)) merged[key] = mergeMessages(existing, [value], `${path}${key}.`);
      else throw new Error(`zh-CN message ${path}${key} is defined twice`);
    }
  }
  return merged as T;
}
