import type { EntityManager } from '@mikro-orm/postgresql';
import { chinaDay } from '../common/time/china-day.js';
import { OrganisationKind } from '../organisations/organisation.enums.js';
import { ProjectBuilder, type Cast } from './project-builder.js';
import { PROJECT_STORIES, type ProjectStory } from './project-stories.js';

interface OrganisationRow {
  id: string;
  name: string;
  kind: OrganisationKind;
  region_id: string;
  region_name: string;
  path: string;
}

/** Verified organisations of the database with where they sit, and who may act for each. */
async function loadDirectory(em: EntityManager) {
  const [organisations, townships, actors] = await Promise.all([
    em.execute<OrganisationRow[]>(
      `select o.id, o.name, o.kind, r.id as region_id, r.name as region_name, r.path
         from organisation o join region r on r.id = o.region_id
        where o.verification_status = 'VERIFIED' order by o.name, o.id`,
    ),
    em.execute<{ id: string; name: string; path: string }[]>(`select id, name, path from region where level = 'TOWNSHIP' order by path`),
    em.execute<{ organisation_id: string; person_id: string }[]>(
      `select distinct on (m.organisation_id) m.organisation_id, m.person_id
         from membership m join person p on p.id = m.person_id
        where m.role in ('ADMIN', 'COORDINATOR') and p.deleted_at is null
        order by m.organisation_id, m.role, m.created_at, m.id`,
    ),
  ]);
  return {
    organisations,
    townships: new Map(townships.map((township) => [township.name, township])),
    actors: new Map(actors.map((row) => [row.organisation_id, row.person_id])),
  };
}

type Directory = Awaited<ReturnType<typeof loadDirectory>>;

/** The lead: the named branch, else the village's Party organisation, else the township's committee. */
function findLead(directory: Directory, story: ProjectStory, township: { id: string; path: string }): OrganisationRow | undefined {
  const party = directory.organisations.filter((row) => row.kind === OrganisationKind.PARTY_ORGANISATION);
  return (
    (story.leadName ? party.find((row) => row.name === story.leadName) : undefined) ??
    (story.village ? party.find((row) => row.region_name === story.village && row.path.startsWith(township.path)) : undefined) ??
    party.find((row) => row.region_id === township.id) ??
    party.find((row) => row.path.startsWith(township.path))
  );
}

/**
 * Partners by name hint and kind, preferring organisations of the township, never one twice in a
 * project. Missing organisations are left out (the story goes on without them).
 */
function findPartners(directory: Directory, story: ProjectStory, townshipPath: string, lead: string): Map<string, string> {
  const used = new Set([lead]);
  const partners = new Map<string, string>();
  for (const partner of story.partners) {
    const candidates = directory.organisations.filter(
      (row) => row.kind === partner.kind && !used.has(row.id) && (!partner.name || row.name.includes(partner.name)),
    );
    const chosen = candidates.find((row) => row.path.startsWith(townshipPath)) ?? candidates[0];
    if (chosen) {
      used.add(chosen.id);
      partners.set(partner.key, chosen.id);
    }
  }
  return partners;
}

/**
 * Seeds about a dozen realistic partner projects (初心合伙人) into the demo district, inside the
 * caller's transaction: led by verified Party organisations found in the database, with partners of
 * several kinds, needs, pledges in every state, deliveries, deliverables and their timelines. Content
 * is fixed; dates are relative to `now`, so deadlines and overdue flags stay meaningful. Stories whose
 * township or lead is missing are skipped, so it works on any database with the demo district.
 */
export async function seedProjects(em: EntityManager, now: Date = new Date()): Promise<void> {
  const directory = await loadDirectory(em);
  const today = chinaDay(now);
  for (const story of PROJECT_STORIES) {
    const township = directory.townships.get(story.township);
    const lead = township && findLead(directory, story, township);
    if (!township || !lead) {
      continue;
    }
    const cast: Cast = {
      lead: lead.id,
      partners: findPartners(directory, story, township.path, lead.id),
      actors: directory.actors,
      regions: [lead.region_id],
    };
    new ProjectBuilder(em, story, cast, now, today).build();
  }
  await em.flush();
}
