import { raw, type FilterQuery } from '@mikro-orm/postgresql';
import type { Context } from '../app/context.js';
import { paginate, type ConnectionArgs, type ConnectionShape } from '../common/relay/connection.js';
import { uuidOf } from '../common/relay/global-id.js';
import { chinaDay } from '../common/time/china-day.js';
import { readableCommitmentsCondition } from '../policy/policy.js';
import { viewerPlaces } from './commitment-access.js';
import { statusCondition } from './commitment-status.js';
import { Commitment } from './commitment.entity.js';
import type { CommitmentFilter } from './commitment.inputs.js';

function condition(sql: (alias: string) => string, params: unknown[]): FilterQuery<Commitment> {
  return { [raw((alias: string) => sql(alias), params)]: [] } as FilterQuery<Commitment>;
}

const NOTHING: FilterQuery<Commitment> = { uuid: null as never };

/**
 * The commitments the caller may read (INTERNAL ones filtered in SQL by the same rule as
 * `commitment.read`), filtered, by due day then id, one keyset page. Statuses are derived in SQL as of
 * today in China (`statusCondition`).
 */
export async function listCommitments(
  ctx: Context,
  filter: CommitmentFilter | null | undefined,
  page: ConnectionArgs,
): Promise<ConnectionShape<Commitment>> {
  const actor = await ctx.actor();
  const places = actor ? await viewerPlaces(ctx) : undefined;
  const where: FilterQuery<Commitment>[] = [
    condition((alias) => readableCommitmentsCondition(actor, places, alias).sql, readableCommitmentsCondition(actor, places, 'c').params),
  ];
  if (filter?.organisationId) {
    const uuid = uuidOf(filter.organisationId, 'Organisation');
    where.push(uuid ? { organisation: uuid } : NOTHING);
  }
  if (filter?.personId) {
    const uuid = uuidOf(filter.personId, 'Person');
    where.push(uuid ? { person: uuid } : NOTHING);
  }
  if (filter?.regionId) {
    const uuid = uuidOf(filter.regionId, 'Region');
    where.push(
      uuid
        ? condition(
            (alias) => `exists (select 1 from organisation o join region r on r.id = o.region_id join region within on within.id = ?
              where o.id = ${alias}.organisation_id and starts_with(r.path, within.path))`,
            [uuid],
          )
        : NOTHING,
    );
  }
  if (filter?.status?.length) {
    const today = chinaDay(ctx.clock.now());
    const parts = filter.status.map((status) => statusCondition(status, 'c', today));
    where.push(
      condition(
        (alias) => `(${filter.status!.map((status) => statusCondition(status, alias, today).sql).join(' or ')})`,
        parts.flatMap((part) => part.params),
      ),
    );
  }
  const result = await paginate(ctx.em, Commitment, { $and: where }, { dueOn: 'asc', uuid: 'asc' }, page);
  for (const commitment of result.nodes) {
    ctx.loaders.commitments.byUuid.prime(commitment.uuid, commitment);
  }
  return result;
}
