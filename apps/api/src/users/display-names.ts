import type { PrismaClient } from '@haochaping/db';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The display names of the accounts among `ids`, by id, for a report that names who asked for something. An id that
 * is no account (a CLI operator, a development actor) is absent: the caller shows it as given.
 */
export async function displayNamesOf(prisma: Pick<PrismaClient, 'user'>, ids: ReadonlyArray<string | null>): Promise<Map<string, string>> {
  const accountIds = [...new Set(ids.filter((id): id is string => id !== null && UUID.test(id)))];
  if (accountIds.length === 0) return new Map();
  const users = await prisma.user.findMany({ where: { id: { in: accountIds } }, select: { id: true, displayName: true } });
  return new Map(users.map((user) => [user.id, user.displayName]));
}
