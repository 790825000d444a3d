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

/**
 * The rectification cases an actor may see, in one place for the list (its where-clause) and the detail: the county
 * sees every case; hall roles the cases of their halls; a county department's guide exactly the cases one of their
 * departments was invited to co-handle (协调整改); anyone else none.
 */
export type RectificationVisibility =
  | { readonly kind: 'ALL' }
  | { readonly kind: 'HALLS'; readonly hallCodes: readonly string[] }
  | { readonly kind: 'INVITED'; readonly departmentCodes: readonly string[] };

export function rectificationVisibility(actor: Actor): RectificationVisibility {
  if (actor.role === 'DEPT_GUIDE') return { kind: 'INVITED', departmentCodes: actor.departmentCodes ?? [] };
  const halls = visibleHalls(actor);
  return halls === 'ALL' ? { kind: 'ALL' } : { kind: 'HALLS', hallCodes: halls };
}

/** What the visibility of a case depends on: its hall and the departments invited to it. */
export interface RectificationVisibilityFacts {
  hallCode: string;
  invitedDepartmentCodes: readonly string[];
}

export function canSeeRectification(actor: Actor, facts: RectificationVisibilityFacts): boolean {
  const visibility = rectificationVisibility(actor);
  switch (visibility.kind) {
    case 'ALL':
      return true;
    case 'HALLS':
      return visibility.hallCodes.includes(facts.hallCode);
    case 'INVITED':
      return facts.invitedDepartmentCodes.some((code) => visibility.departmentCodes.includes(code));
  }
}
