import { HALL_SCOPED_ROLES, type Actor } from '@haochaping/contracts';

/**
 * The halls whose cases an actor may see, in one place: the county (supervisor, admin) sees every hall; hall-scoped
 * roles see their `hallCodes`; a citizen lists nothing (they see their own case through the public status page).
 */
export function visibleHalls(actor: Actor): 'ALL' | readonly string[] {
  if (actor.role === 'COUNTY_SUPERVISOR' || actor.role === 'ADMIN') return 'ALL';
  if (HALL_SCOPED_ROLES.includes(actor.role)) return actor.hallCodes;
  return [];
}

export function canSeeHall(actor: Actor, hallCode: string): boolean {
  const halls = visibleHalls(actor);
  return halls === 'ALL' || halls.includes(hallCode);
}
