import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { entityLoader, groupLoader } from '../common/loaders/entity-loader.js';
import type { ViewerPlaces } from '../policy/policy.js';
import { Commitment, CommitmentEvaluation, CommitmentProgress } from './commitment.entity.js';

/** Ratings of a commitment, summed in SQL. */
export interface EvaluationStats {
  count: number;
  /** Mean score with 2 decimals; null without ratings. */
  average: string | null;
}

export const NOWHERE: ViewerPlaces = { residencePath: null, committeePaths: [], councilPaths: [] };
const placeholders = (keys: readonly unknown[]) => keys.map(() => '?').join(', ');

export function createCommitmentLoaders(em: EntityManager) {
  const connection = () => em.getConnection();
  return {
    byUuid: entityLoader(em, Commitment),
    progressByCommitment: groupLoader(
      (commitments: readonly string[]) =>
        em.find(CommitmentProgress, { commitment: { $in: [...commitments] } }, { orderBy: { createdAt: 'asc', uuid: 'asc' } }),
      (progress) => progress.commitment.uuid,
    ),
    evaluationsByCommitment: groupLoader(
      (commitments: readonly string[]) =>
        em.find(CommitmentEvaluation, { commitment: { $in: [...commitments] } }, { orderBy: { createdAt: 'desc', uuid: 'desc' } }),
      (evaluation) => evaluation.commitment.uuid,
    ),
    evaluationStats: new DataLoader<string, EvaluationStats>(async (commitments) => {
      const rows = await connection().execute<{ commitment_id: string; count: number; average: string }[]>(
        `select commitment_id, count(*)::int as count, round(avg(score), 2)::text as average
           from commitment_evaluation where commitment_id in (${placeholders(commitments)}) group by commitment_id`,
        [...commitments],
      );
      const byUuid = new Map(rows.map((row) => [row.commitment_id, { count: row.count, average: row.average }]));
      return commitments.map((uuid) => byUuid.get(uuid) ?? { count: 0, average: null });
    }),
    /** Region path of each organisation (a commitment's facts), one statement per page. */
    organisationRegionPath: new DataLoader<string, string>(async (organisations) => {
      const rows = await connection().execute<{ id: string; path: string }[]>(
        `select o.id, r.path from organisation o join region r on r.id = o.region_id where o.id in (${placeholders(organisations)})`,
        [...organisations],
      );
      const byUuid = new Map(rows.map((row) => [row.id, row.path]));
      return organisations.map((uuid) => byUuid.get(uuid) ?? '');
    }),
    /**
     * Where a person stands beyond their memberships (see `ViewerPlaces`): where they live, and the
     * regions of the party committees and village committees they are members of. One statement.
     */
    viewerPlaces: new DataLoader<string, ViewerPlaces>(async (people) => {
      const rows = await connection().execute<
        { id: string; residence_path: string | null; committee_paths: string[]; council_paths: string[] }[]
      >(
        `select p.id, home.path as residence_path,
                coalesce(array_agg(r.path) filter (where o.kind = 'PARTY_ORGANISATION' and o.subtype = 'PARTY_COMMITTEE'), '{}') as committee_paths,
                coalesce(array_agg(r.path) filter (where o.kind = 'VILLAGE_COMMITTEE'), '{}') as council_paths
           from person p
           left join region home on home.id = p.residence_region_id
           left join membership m on m.person_id = p.id
           left join organisation o on o.id = m.organisation_id
           left join region r on r.id = o.region_id
          where p.id in (${placeholders(people)})
          group by p.id, home.path`,
        [...people],
      );
      const byUuid = new Map(
        rows.map((row) => [
          row.id,
          { residencePath: row.residence_path, committeePaths: row.committee_paths, councilPaths: row.council_paths },
        ]),
      );
      return people.map((uuid) => byUuid.get(uuid) ?? NOWHERE);
    }),
  };
}
