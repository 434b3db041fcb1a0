import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { entityLoader, groupLoader } from '../common/loaders/entity-loader.js';
import { OPEN_DUE_DAYS_SQL, PROGRESS_SQL } from './project-progress.sql.js';
import { Project, ProjectRegion } from './project.entity.js';

/** Counts and ratios of a project, summed in SQL; `openDueDays` lets the caller count overdue items for its "today". */
export interface ProgressRow {
  needsTotal: number;
  needsCovered: number;
  needsCoverage: string;
  pledgesProposed: number;
  pledgesAccepted: number;
  pledgesFulfilled: number;
  deliverablesTotal: number;
  deliverablesAccepted: number;
  openDueDays: string[];
  partnersAccepted: number;
}

/** The progress of every project of a page in one statement (the figures' SQL in `project-progress.sql.ts`). */
const PROGRESS_QUERY = (ids: string) => `
select ids.id as project_id,
       ${Object.entries(PROGRESS_SQL)
         .map(([figure, sql]) => `${sql('ids')} as "${figure}"`)
         .join(',\n       ')},
       ${OPEN_DUE_DAYS_SQL('ids')} as "openDueDays"
  from (values ${ids}) ids(id)`;

type ProgressSqlRow = ProgressRow & { project_id: string };

export function createProjectLoaders(em: EntityManager) {
  return {
    byUuid: entityLoader(em, Project),
    regionsByProject: groupLoader(
      (projects: readonly string[]) =>
        em.find(ProjectRegion, { project: { $in: [...projects] } }, { populate: ['region'], orderBy: { createdAt: 'asc', uuid: 'asc' } }),
      (link) => link.project.uuid,
    ),
    progress: new DataLoader<string, ProgressRow>(async (projects) => {
      const rows = await em.execute<ProgressSqlRow[]>(PROGRESS_QUERY(projects.map(() => '(?::uuid)').join(', ')), [...projects]);
      const byProject = new Map(rows.map(({ project_id, ...progress }) => [project_id, progress]));
      return projects.map((uuid) => byProject.get(uuid)!);
    }),
  };
}
