import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { entityLoader } from '../common/loaders/entity-loader.js';
import { ActivityEntry } from './activity-entry.entity.js';

export interface TimelineHead {
  /** The newest entries, one more than asked for when there are more. */
  entries: ActivityEntry[];
  total: number;
}

type EntryRow = Record<string, unknown> & { project_uuid: string; position: string; total: string };

export function createActivityLoaders(em: EntityManager) {
  return {
    /** Entries by uuid: a live event's entry is read once for all its subscribers (see `event-context.ts`). */
    byUuid: entityLoader(em, ActivityEntry),
    /**
     * The first page of many projects' timelines in one statement (a window per project), keyed by
     * `projectUuid|first`: a list of projects showing their latest activity costs one query, not two per
     * project. Later pages (`after`) are paged per project by keyset.
     */
    timelineHead: new DataLoader<string, TimelineHead>(async (keys) => {
      const wanted = keys.map((key) => {
        const [project, first] = key.split('|');
        return { project: project!, first: Number(first) };
      });
      const projects = [...new Set(wanted.map((item) => item.project))];
      const limit = Math.max(...wanted.map((item) => item.first)) + 1;
      const rows = await em.execute<EntryRow[]>(
        `select * from (
           select a.*, row_number() over (partition by a.project_uuid order by a.created_at desc, a.id desc) as position,
                  count(*) over (partition by a.project_uuid) as total
             from activity_entry a where a.project_uuid in (${projects.map(() => '?').join(', ')})) ranked
          where position <= ? order by project_uuid, position`,
        [...projects, limit],
      );
      const byProject = new Map<string, TimelineHead>();
      for (const { position: _position, total, ...columns } of rows) {
        const head = byProject.get(columns.project_uuid) ?? { entries: [], total: Number(total) };
        head.entries.push(em.map(ActivityEntry, columns));
        byProject.set(columns.project_uuid, head);
      }
      return wanted.map(({ project, first }) => {
        const head = byProject.get(project);
        return head ? { entries: head.entries.slice(0, first + 1), total: head.total } : { entries: [], total: 0 };
      });
    }),
  };
}
