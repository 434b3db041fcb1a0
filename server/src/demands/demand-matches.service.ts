import type { EntityManager } from '@mikro-orm/postgresql';
import { ProjectCategory } from '../projects/project.enums.js';
import { projectTablesPresent } from './demand-need-target.js';
import { DemandCategory } from './demand.enums.js';
import { DemandMatch, DemandMatchSource } from './demand-matches.types.js';

const MAX_OFFERINGS = 50;
const MAX_NEEDS = 20;

/** The project category that corresponds to a demand category, where one does. */
const PROJECT_CATEGORY: Partial<Record<DemandCategory, ProjectCategory>> = {
  [DemandCategory.ELDERLY_CARE]: ProjectCategory.ELDERLY_CARE,
  [DemandCategory.EMPLOYMENT]: ProjectCategory.EMPLOYMENT,
  [DemandCategory.ENVIRONMENT_SANITATION]: ProjectCategory.ENVIRONMENT,
  [DemandCategory.ROADS_FACILITIES]: ProjectCategory.INFRASTRUCTURE,
  [DemandCategory.SAFETY]: ProjectCategory.SAFETY,
  [DemandCategory.NEIGHBOUR_DISPUTE]: ProjectCategory.DISPUTE_PREVENTION,
  [DemandCategory.LEGAL_HELP]: ProjectCategory.DISPUTE_PREVENTION,
  [DemandCategory.CULTURE]: ProjectCategory.CULTURE,
  [DemandCategory.OTHER]: ProjectCategory.OTHER,
};

interface OfferingRow {
  offering_id: string;
  organisation_id: string;
  region_id: string;
}

interface NeedRow {
  need_id: string;
  project_id: string;
  organisation_id: string;
  region_id: string;
  category_matches: boolean;
}

/**
 * Active service offerings of the ticket's category by verified organisations, serving a region that
 * contains the grid (one of the uuids of the grid's path). Most specific first: an offering for the
 * grid itself before one for its village, before a district-wide one; then by organisation name.
 */
async function offeringMatches(em: EntityManager, category: DemandCategory, chain: string[]): Promise<DemandMatch[]> {
  const rows = await em.getConnection().execute<OfferingRow[]>(
    `select m.offering_id, m.organisation_id, m.region_id
       from (select distinct on (o.id) o.id as offering_id, o.organisation_id, o.title, r.id as region_id, length(r.path) as depth
               from service_offering o
               join service_offering_region sr on sr.offering_id = o.id
               join region r on r.id = sr.region_id
              where o.active and o.category = ? and r.id in (${chain.map(() => '?').join(', ')})
              order by o.id, length(r.path) desc) m
       join organisation org on org.id = m.organisation_id and org.verification_status = 'VERIFIED'
      order by m.depth desc, org.name, m.title, m.offering_id
      limit ${MAX_OFFERINGS}`,
    [category, ...chain],
  );
  return rows.map((row) =>
    Object.assign(new DemandMatch(), {
      source: DemandMatchSource.SERVICE_OFFERING,
      categoryMatches: true,
      organisationUuid: row.organisation_id,
      coveringRegionUuid: row.region_id,
      offeringUuid: row.offering_id,
    }),
  );
}

/**
 * Open needs of recruiting or active partner projects serving a region that contains the grid: the
 * lead (the Party organisation at the project's core) can take the demand in, or the dispatcher can
 * turn the ticket into that need. Projects of the corresponding category first, then the most local.
 * Empty when the projects feature's tables are not there (it is migrated separately).
 */
async function projectNeedMatches(em: EntityManager, category: DemandCategory, chain: string[]): Promise<DemandMatch[]> {
  if (!(await projectTablesPresent(em))) {
    return [];
  }
  const rows = await em.getConnection().execute<NeedRow[]>(
    `select m.need_id, m.project_id, m.organisation_id, m.region_id, m.category_matches
       from (select distinct on (n.id) n.id as need_id, p.id as project_id, p.lead_organisation_id as organisation_id,
                    r.id as region_id, length(r.path) as depth, p.category::text = ? as category_matches, p.title
               from need n
               join project p on p.id = n.project_id
               join project_region pr on pr.project_id = p.id
               join region r on r.id = pr.region_id
              where p.status in ('RECRUITING', 'ACTIVE') and n.closed_at is null and r.id in (${chain.map(() => '?').join(', ')})
              order by n.id, length(r.path) desc) m
      order by m.category_matches desc, m.depth desc, m.title, m.need_id
      limit ${MAX_NEEDS}`,
    [PROJECT_CATEGORY[category] ?? '', ...chain],
  );
  return rows.map((row) =>
    Object.assign(new DemandMatch(), {
      source: DemandMatchSource.PROJECT_NEED,
      categoryMatches: row.category_matches,
      organisationUuid: row.organisation_id,
      coveringRegionUuid: row.region_id,
      projectUuid: row.project_id,
      needUuid: row.need_id,
    }),
  );
}

/** Suggestions for a ticket in the grid at `gridPath`: service offerings first, then project needs. */
export async function findDemandMatches(em: EntityManager, category: DemandCategory, gridPath: string): Promise<DemandMatch[]> {
  const chain = gridPath.split('/').filter(Boolean);
  if (!chain.length) {
    return [];
  }
  const [offerings, needs] = await Promise.all([offeringMatches(em, category, chain), projectNeedMatches(em, category, chain)]);
  return [...offerings, ...needs];
}
