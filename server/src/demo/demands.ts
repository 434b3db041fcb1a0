import type { EntityManager } from '@mikro-orm/postgresql';
import { DemandCategoryPolicy } from '../demands/demand-category-policy.entity.js';
import { projectTablesPresent } from '../demands/demand-need-target.js';
import type { DemandCategory } from '../demands/demand.enums.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Region } from '../regions/region.entity.js';
import { RegionLevel } from '../regions/region.enums.js';
import { DEMO_ACCOUNTS } from './accounts.js';
import { seedOfferings } from './demand-offerings.js';
import { DemandStoryBuilder, type Kind, type Resident, type StoryCast } from './demand-story-builder.js';
import { DEMO_FIXTURES } from './fixtures.js';
import { Random } from './random.js';

/** Any fixed seed will do; changing it redraws the tickets. */
const SEED = 2026_06;

/** How many tickets of each kind the demo street gets (60 in all), so every status shows. */
const PLAN: readonly [Kind, number][] = [
  ['SUBMITTED', 7],
  ['DISPATCHED', 6],
  ['ACCEPTED', 9],
  ['REOPENED', 2],
  ['RESOLVED', 7],
  ['RATED', 16],
  ['RATED_AFTER_REOPENING', 2],
  ['CLOSED_UNRATED', 5],
  ['REJECTED', 3],
  ['CONVERTED_TO_NEED', 1],
  ['MERGED', 2],
];

/** The demo resident (13800000009) follows one ticket in each of these states. */
const DEMO_RESIDENT_KINDS: readonly Kind[] = ['RESOLVED', 'ACCEPTED', 'SUBMITTED', 'RATED'];

const DEMO_RESIDENT = DEMO_ACCOUNTS.find((account) => account.role === 'Resident')!.identifier;

async function regionNamed(em: EntityManager, name: string, level: RegionLevel): Promise<Region> {
  const region = await em.findOne(Region, { name, level });
  if (!region) {
    throw new Error(`the demo district has no ${level} ${name}`);
  }
  return region;
}

function rows<T>(em: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  return em.getConnection().execute<T[]>(sql, params, 'all', em.getTransactionContext());
}

/**
 * Who and where, read from the seeded district: residents of the demo street living in a grid (by phone,
 * so the order is the same on every seed), its grid workers and the regions that have administrators.
 */
async function loadCast(em: EntityManager, township: Region): Promise<Omit<StoryCast, 'owners' | 'needs' | 'policies' | 'handlers'>> {
  const otherAccounts = DEMO_ACCOUNTS.map((account) => account.identifier).filter((phone) => phone !== DEMO_RESIDENT);
  const residents = await rows<Resident>(
    em,
    `select p.id as uuid, p.name, p.phone, p.address, r.id as "gridUuid", r.path as "gridPath"
       from person p join region r on r.id = p.residence_region_id
      where r.path like ? and r.level in ('GRID', 'MICRO_GRID') and p.deleted_at is null and p.phone is not null
        and p.phone not in (${otherAccounts.map(() => '?').join(', ')})
      order by p.phone`,
    [`${township.path}%`, ...otherAccounts],
  );
  const workers = await rows<{ person: string; path: string }>(
    em,
    `select rr.person_id as person, r.path from region_role rr join region r on r.id = rr.region_id
      where rr.role = 'GRID_WORKER' and r.path like ? order by r.path, rr.person_id`,
    [`${township.path}%`],
  );
  const admins = await rows<{ person: string; region: string }>(
    em,
    `select rr.person_id as person, rr.region_id as region from region_role rr
      where rr.role = 'REGION_ADMIN' order by rr.region_id, rr.person_id`,
    [],
  );
  const townshipAdmin = admins.find((admin) => admin.region === township.uuid)?.person ?? workers[0]?.person;
  if (!residents.length || !townshipAdmin) {
    throw new Error(`the demo street ${township.name} has no residents in grids or nobody to dispatch`);
  }
  return {
    residents,
    demoResident: residents.find((resident) => resident.phone === DEMO_RESIDENT),
    gridWorkers: workers,
    townshipAdmin,
    adminRegions: new Set(admins.map((admin) => admin.region)),
    township,
  };
}

/** One ADMIN or COORDINATOR per organisation (the first by phone): who answers and works its tickets. */
async function loadHandlers(em: EntityManager): Promise<Map<string, string>> {
  const handlers = await rows<{ organisation: string; person: string }>(
    em,
    `select distinct on (m.organisation_id) m.organisation_id as organisation, m.person_id as person
       from membership m join person p on p.id = m.person_id
      where m.role in ('ADMIN', 'COORDINATOR') and p.deleted_at is null
      order by m.organisation_id, p.phone`,
    [],
  );
  return new Map(handlers.map((handler) => [handler.organisation, handler.person]));
}

/** Open needs of recruiting or active projects, with the paths of the regions they serve (none without projects). */
async function loadNeeds(em: EntityManager): Promise<StoryCast['needs']> {
  if (!(await projectTablesPresent(em))) {
    return [];
  }
  return rows(
    em,
    `select n.id as uuid, r.path from need n join project p on p.id = n.project_id
       join project_region pr on pr.project_id = p.id join region r on r.id = pr.region_id
      where p.status in ('RECRUITING', 'ACTIVE') and n.closed_at is null
      order by p.title, n.description, r.path`,
    [],
  );
}

/**
 * Seeds the demand list of the demo street (玉兴街道): about 25 service offerings of the district's
 * organisations and 60 tickets across its grids in every status — some overdue and escalated, some
 * rated, some reopened — with their timelines, dated relative to `now`. Deterministic: the same
 * district seeded at the same `now` gives the same tickets. Runs in the caller's transaction.
 */
export async function seedDemands(em: EntityManager, now: Date): Promise<void> {
  const random = new Random(SEED);
  const district = await regionNamed(em, DEMO_FIXTURES.district, RegionLevel.DISTRICT);
  const township = await regionNamed(em, DEMO_FIXTURES.township, RegionLevel.TOWNSHIP);
  const community = await regionNamed(em, DEMO_FIXTURES.community, RegionLevel.VILLAGE);
  const owners = await seedOfferings(em, { district, township, community }, now);
  const fallbackOwner = await em.findOneOrFail(Organisation, { name: DEMO_FIXTURES.enterprise });
  const policies = new Map((await em.find(DemandCategoryPolicy, {})).map((policy) => [policy.category, policy]));
  const cast: StoryCast = {
    ...(await loadCast(em, township)),
    owners: (category: DemandCategory) => owners.get(category) ?? [fallbackOwner],
    handlers: await loadHandlers(em),
    needs: await loadNeeds(em),
    policies,
  };
  const builder = new DemandStoryBuilder(em, random, now, cast);
  const kinds = random.shuffle(PLAN.flatMap(([kind, count]) => Array.from({ length: count }, () => kind)));
  // Duplicates are merged into tickets that exist already: build them last.
  const ordered = [...kinds.filter((kind) => kind !== 'MERGED'), ...kinds.filter((kind) => kind === 'MERGED')];
  const forDemoResident = [...DEMO_RESIDENT_KINDS];
  for (const kind of ordered) {
    const mine = cast.demoResident && forDemoResident.includes(kind);
    if (mine) {
      forDemoResident.splice(forDemoResident.indexOf(kind), 1);
    }
    builder.build(kind, mine ? cast.demoResident : undefined);
  }
  await builder.insert();
}
