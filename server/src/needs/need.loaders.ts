import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { entityLoader } from '../common/loaders/entity-loader.js';
import { plainEntity } from '../common/loaders/plain-rows.js';
import { NEED_AMOUNTS_SQL } from './need-amounts.sql.js';
import { Need } from './need.entity.js';

/** Derived amounts of a need, as exact decimal strings summed by PostgreSQL. */
export interface NeedAmounts {
  /** Proposed, accepted and fulfilled pledges. */
  pledged: string;
  /** Accepted and fulfilled pledges. */
  accepted: string;
  /** Confirmed deliveries, plus volunteer hours credited for linked activities (VOLUNTEER_HOURS needs). */
  delivered: string;
  /** Still open to pledges: quantity − pledged, never below 0. */
  remaining: string;
  /** accepted ÷ quantity, 4 decimals; above 1 when oversubscribed. */
  coverage: string;
}

/** Needs with their derived amounts (`need-amounts.sql.ts`), oldest first. */
const NEEDS_WITH_AMOUNTS_SQL = (where: string) => `
select n.*, ${Object.entries(NEED_AMOUNTS_SQL)
  .map(([amount, sql]) => `${sql('n')} as amount_${amount}`)
  .join(', ')}
  from need n
 where ${where}
 order by n.created_at, n.id`;

type NeedRow = Record<string, unknown> & {
  id: string;
  project_id: string;
  amount_pledged: string;
  amount_accepted: string;
  amount_delivered: string;
  amount_remaining: string;
  amount_coverage: string;
};

function splitRow(row: NeedRow): { columns: Record<string, unknown>; amounts: NeedAmounts } {
  const { amount_pledged, amount_accepted, amount_delivered, amount_remaining, amount_coverage, ...columns } = row;
  return {
    columns,
    amounts: {
      pledged: amount_pledged,
      accepted: amount_accepted,
      delivered: amount_delivered,
      remaining: amount_remaining,
      coverage: amount_coverage,
    },
  };
}

const placeholders = (keys: readonly unknown[]) => keys.map(() => '?').join(', ');

export function createNeedLoaders(em: EntityManager) {
  const amounts = new DataLoader<string, NeedAmounts | undefined>(async (needs) => {
    const rows = await em.execute<NeedRow[]>(NEEDS_WITH_AMOUNTS_SQL(`n.id in (${placeholders(needs)})`), [...needs]);
    const byNeed = new Map(rows.map((row) => [row.id, splitRow(row).amounts]));
    return needs.map((uuid) => byNeed.get(uuid));
  });
  return {
    byUuid: entityLoader(em, Need),
    amounts,
    /**
     * A page's needs and their amounts in one statement: the amounts are primed into `amounts`, so a
     * list of needs with progress bars costs one query whatever its length.
     */
    byProject: new DataLoader<string, Need[]>(async (projects) => {
      const rows = await em.execute<NeedRow[]>(NEEDS_WITH_AMOUNTS_SQL(`n.project_id in (${placeholders(projects)})`), [...projects]);
      const byProject = new Map<string, Need[]>();
      for (const row of rows) {
        const { columns, amounts: values } = splitRow(row);
        // Read-only plain rows (see `plain-rows.ts`): hydration cost more than the statement.
        const need = plainEntity(em, Need, columns);
        amounts.prime(need.uuid, values);
        const list = byProject.get(row.project_id) ?? [];
        list.push(need);
        byProject.set(row.project_id, list);
      }
      return projects.map((uuid) => byProject.get(uuid) ?? []);
    }),
  };
}
