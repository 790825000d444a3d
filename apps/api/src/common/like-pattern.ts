// Prisma's `contains` / `startsWith` / `endsWith` on PostgreSQL become LIKE patterns without escaping the user's text,
// so a search for `%` matched every row and `_` any one character. Every user-supplied search goes through here.

/** The text escaped so LIKE reads it literally: `\`, `%` and `_` behind PostgreSQL's default escape `\`. */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
