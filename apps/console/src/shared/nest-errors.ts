/**
 * `{ "options.1.code": "…" }` → `{ options: [undefined, { code: "…" }] }`: react-admin's form-level validation wants
 * errors in the shape of the values, while the rules (and the API) name fields by path.
 */
export function nestErrors(flat: Record<string, string>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [path, message] of Object.entries(flat)) {
    const keys = path.split('.');
    let node: Record<string, unknown> | unknown[] = root;
    keys.forEach((key, index) => {
      const last = index === keys.length - 1;
      const slot = Array.isArray(node) ? Number(key) : key;
      const container = node as Record<string | number, unknown>;
      if (last) {
        container[slot] = message;
        return;
      }
      const nextIsIndex = /^\d+$/.test(keys[index + 1] ?? '');
      container[slot] ??= nextIsIndex ? [] : {};
      node = container[slot] as Record<string, unknown> | unknown[];
    });
  }
  return root;
}
