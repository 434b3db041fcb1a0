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

type MembershipRow = { organisation_id: string; role: MembershipRole };
type RoleRow = { role: RegionRoleKind; path: string | null };

export async function loadActor(em: EntityManager, personUuid: string): Promise<Actor> {
  const connection = em.getConnection();
  const [memberships, roles] = await Promise.all([
    connection.execute<MembershipRow[]>('select organisation_id, role from membership where person_id = ?', [personUuid]),
    connection.execute<RoleRow[]>(
      'select rr.role, r.path from region_role rr left join region r on r.id = rr.region_id where rr.person_id = ?',
      [personUuid],
    ),
  ]);
  return toActor(personUuid, memberships, roles);
}

/**
 * The actors of many people in the same two statements as one actor's: the subscribers of a live
 * event are authorised together (see `activity/event-context.ts`). Everyone asked gets an actor, one
 * without memberships or roles when they hold none.
 */
export async function loadActors(em: EntityManager, personUuids: readonly string[]): Promise<Map<string, Actor>> {
  const connection = em.getConnection();
  const people = personUuids.map(() => '?').join(', ');
  const [memberships, roles] = await Promise.all([
    connection.execute<(MembershipRow & { person_id: string })[]>(
      `select person_id, organisation_id, role from membership where person_id in (${people})`,
      [...personUuids],
    ),
    connection.execute<(RoleRow & { person_id: string })[]>(
      `select rr.person_id, rr.role, r.path from region_role rr left join region r on r.id = rr.region_id where rr.person_id in (${people})`,
      [...personUuids],
    ),
  ]);
  const membershipsOf = groupByPerson(memberships);
  const rolesOf = groupByPerson(roles);
  return new Map(
    personUuids.map((personUuid) => [personUuid, toActor(personUuid, membershipsOf.get(personUuid) ?? [], rolesOf.get(personUuid) ?? [])]),
  );
}

function groupByPerson<T extends { person_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.person_id);
    if (group) {
      group.push(row);
    } else {
      groups.set(row.person_id, [row]);
    }
  }
  return groups;
}

function toActor(personUuid: string, memberships: readonly MembershipRow[], roles: readonly RoleRow[]): Actor {
  return {
    personUuid,
    memberships: new Map(memberships.map((row) => [row.organisation_id, row.role])),
    isPlatformAdmin: roles.some((row) => row.role === RegionRoleKind.PLATFORM_ADMIN),
    adminRegionPaths: roles.filter((row) => row.role === RegionRoleKind.REGION_ADMIN && row.path).map((row) => row.path!),
    gridPaths: roles.filter((row) => row.role === RegionRoleKind.GRID_WORKER && row.path).map((row) => row.path!),
  };
}
