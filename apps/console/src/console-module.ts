import type { ResourceAccess } from './auth/can-access';
import type { ModuleMessages } from './i18n/module-messages';

/**
 * What a feature module of the console registers, free of React so the core (can-access, zh-CN) and the Node specs
 * read it: the react-admin resources it mounts (named as their API paths under /api), who may open them, and its
 * zh-CN strings. Its screens for those resources are in the module's resources.tsx, mounted by App.tsx through
 * src/module-screens.tsx. Modules are listed, once each, in src/modules.ts.
 */
export interface ConsoleModule {
  /** The module's folder under src/, for messages about it. */
  readonly name: string;
  /** The resources it mounts, in menu order; each needs an access rule and a `resources.<name>.name` message. */
  readonly resources?: readonly string[];
  /** Who may open each resource, custom page (`supervision`) or panel (`hall-statistics`) it declares. */
  readonly access?: Readonly<Record<string, ResourceAccess>>;
  readonly messages?: ModuleMessages;
}

/** The modules as given, refusing one listed twice (by name). */
export function registeredModules<const M extends readonly ConsoleModule[]>(modules: M): M {
  const seen = new Set<string>();
  for (const module of modules) {
    if (seen.has(module.name)) throw new Error(`console module "${module.name}" is registered twice`);
    seen.add(module.name);
  }
  return modules;
}

/** Every module's access rules in one table; a resource declared twice (by two modules) fails at load. */
export function accessRules(modules: readonly ConsoleModule[]): Record<string, ResourceAccess> {
  const rules: Record<string, ResourceAccess> = {};
  for (const module of modules) {
    for (const [resource, rule] of Object.entries(module.access ?? {})) {
      if (resource in rules) throw new Error(`console access for "${resource}" is declared twice`);
      rules[resource] = rule;
    }
  }
  return rules;
}

/**
 * What a module forgot: a resource it mounts without an access rule (no one could open it) or without a
 * `resources.<name>.name` in the merged zh-CN messages (the menu would show the raw key). Empty when all is well.
 */
export function moduleProblems(modules: readonly ConsoleModule[], messages: Readonly<Record<string, unknown>>): string[] {
  const rules = accessRules(modules);
  const labels = (messages['resources'] ?? {}) as Record<string, { name?: unknown } | undefined>;
  return modules.flatMap((module) =>
    (module.resources ?? []).flatMap((resource) => [
      ...(rules[resource] ? [] : [`${module.name}: resource "${resource}" has no access rule`]),
      ...(typeof labels[resource]?.name === 'string' ? [] : [`${module.name}: resource "${resource}" has no message resources.${resource}.name`]),
    ]),
  );
}
