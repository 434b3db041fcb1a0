import type { EntityManager } from '@mikro-orm/postgresql';
import { MembershipRole, RegionRoleKind } from '../memberships/membership.enums.js';

/**
 * Everything the policy needs to know about who is asking, loaded once per request in two indexed
 * queries and then consulted from memory: authorisation costs no SQL per row.
 */
export interface Actor {
  personUuid: string;
  /** Organisation uuid → the role the person holds there. */
  memberships: ReadonlyMap<string, MembershipRole>;
  isPlatformAdmin: boolean;
  /** Materialised paths of the regions the person administers (REGION_ADMIN). */
  adminRegionPaths: readonly string[];
  /** Materialised paths of the grids the person works (GRID_WORKER). */
  gridPaths: readonly string[];
}

export async function loadActor(em: EntityManager, personUuid: string): Promise<Actor> {
  const connection = em.getConnection();
  const [memberships, roles] = await Promise.all([
    connection.execute<{ organisation_id: string; role: MembershipRole }[]>(
      'select organisation_id, role from membership where person_id = ?',
      [personUuid],
    ),
    connection.execute<{ role: RegionRoleKind; path: string | null }[]>(
      'select rr.role, r.path from region_role rr left join region r on r.id = rr.region_id where rr.person_id = ?',
      [personUuid],
    ),
  ]);
  return {
    personUuid,
    memberships: new Map(memberships.map((row) => [row.organisation_id, row.role])),
    isPlatformAdmin: roles.some((row) => row.role === RegionRoleKind.PLATFORM_ADMIN),
    adminRegionPaths: roles.filter((row) => row.role === RegionRoleKind.REGION_ADMIN && row.path).map((row) => row.path!),
    gridPaths: roles.filter((row) => row.role === RegionRoleKind.GRID_WORKER && row.path).map((row) => row.path!),
  };
}
