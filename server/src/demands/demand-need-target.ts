import type { EntityManager } from '@mikro-orm/postgresql';
import { fail, ok, type Result } from '../common/errors/result.js';
import { UserErrorCode } from '../common/errors/user-error-code.js';

/**
 * Whether the partner-project tables exist. Demands are built alongside projects and may be migrated
 * first; everything that reads project tables asks this and degrades (no project matches, no
 * conversion) instead of failing.
 */
export async function projectTablesPresent(em: EntityManager): Promise<boolean> {
  const [row] = await em
    .getConnection()
    .execute<{ present: boolean }[]>(
      "select to_regclass('need') is not null and to_regclass('project') is not null and to_regclass('project_region') is not null as present",
      [],
      'all',
      em.getTransactionContext(),
    );
  return !!row?.present;
}

/**
 * The need a ticket may be turned into: open, of a recruiting or active project that serves a region
 * containing the ticket's grid. Read with SQL so it works whether or not the projects feature's
 * entities are loaded. Returns the need's uuid.
 */
export async function findNeedTarget(em: EntityManager, needUuid: string | undefined, gridPath: string): Promise<Result<string>> {
  const field = ['input', 'needId'];
  if (!needUuid || !(await projectTablesPresent(em))) {
    return fail(UserErrorCode.NOT_FOUND, 'No such need', field);
  }
  const [need] = await em.getConnection().execute<{ closed: boolean; status: string; serves: boolean }[]>(
    `select n.closed_at is not null as closed, p.status::text as status,
            exists (select 1 from project_region pr join region r on r.id = pr.region_id
                     where pr.project_id = p.id and ? like r.path || '%') as serves
       from need n join project p on p.id = n.project_id
      where n.id = ?`,
    [gridPath, needUuid],
    'all',
    em.getTransactionContext(),
  );
  if (!need) {
    return fail(UserErrorCode.NOT_FOUND, 'No such need', field);
  }
  if (need.closed) {
    return fail(UserErrorCode.INVALID, 'The need is closed', field);
  }
  if (need.status !== 'RECRUITING' && need.status !== 'ACTIVE') {
    return fail(UserErrorCode.INVALID, `The need's project is ${need.status}, not recruiting or active`, field);
  }
  if (!need.serves) {
    return fail(UserErrorCode.INVALID, "The need's project does not serve the ticket's grid", field);
  }
  return ok(needUuid);
}
