import type { EntityManager } from '@mikro-orm/postgresql';
import { ActivityEntry } from '../activity/activity-entry.entity.js';
import { Commitment, CommitmentEvaluation, CommitmentProgress } from '../commitments/commitment.entity.js';
import { CommitmentVisibility } from '../commitments/commitment.enums.js';
import { commitmentSnapshot } from '../commitments/commitment.service.js';
import { chinaDay } from '../common/time/china-day.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Person } from '../people/person.entity.js';
import { Project } from '../projects/project.entity.js';
import { DEMO_ACCOUNTS } from './accounts.js';
import { COMMITMENT_STORIES, type CommitmentStory } from './commitment-stories.js';
import { DEMO_FIXTURES } from './fixtures.js';
import type { Random } from './random.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

interface PartyRow {
  id: string;
  name: string;
  subtype: string | null;
  level: string;
  region_name: string;
  path: string;
  township: string | null;
}

const DEMO_PHONES = DEMO_ACCOUNTS.map((account) => account.identifier);
const inList = (items: readonly unknown[]) => items.map(() => '?').join(', ');

/** The Party organisations, their runners and the projects, read in a fixed order. */
async function loadDirectory(em: EntityManager) {
  const [parties, runners, projects] = await Promise.all([
    em.execute<PartyRow[]>(
      `select o.id, o.name, o.subtype, r.level, r.name as region_name, r.path, t.name as township
         from organisation o join region r on r.id = o.region_id
         left join region t on t.level = 'TOWNSHIP' and starts_with(r.path, t.path)
        where o.kind = 'PARTY_ORGANISATION' and o.verification_status = 'VERIFIED'
        order by r.name, o.name, o.id`,
    ),
    // Who publishes for an organisation: its ADMIN (a demo account where one runs it), else a COORDINATOR.
    em.execute<{ organisation_id: string; person_id: string }[]>(
      `select distinct on (m.organisation_id) m.organisation_id, m.person_id
         from membership m join person p on p.id = m.person_id
        where m.role in ('ADMIN', 'COORDINATOR') and p.deleted_at is null
        order by m.organisation_id, p.phone in (${inList(DEMO_PHONES)}) desc, m.role, m.created_at, m.id`,
      DEMO_PHONES,
    ),
    em.execute<{ id: string; title: string }[]>(`select id, title from project where status <> 'DRAFT' order by title, id`),
  ]);
  return { parties, runners: new Map(runners.map((row) => [row.organisation_id, row.person_id])), projects };
}

type Directory = Awaited<ReturnType<typeof loadDirectory>>;

function findBranch(directory: Directory, branch: CommitmentStory['branch']): PartyRow | undefined {
  if ('demo' in branch) {
    return directory.parties.find((row) => row.name === DEMO_FIXTURES.partyBranch);
  }
  if ('committee' in branch) {
    return directory.parties.find(
      (row) => row.subtype === 'PARTY_COMMITTEE' && row.level === 'TOWNSHIP' && row.region_name === branch.committee,
    );
  }
  const villages = directory.parties.filter(
    (row) => row.level === 'VILLAGE' && row.township === branch.township && row.region_name !== DEMO_FIXTURES.community,
  );
  return villages[branch.village];
}

/**
 * People who may rate a commitment of `organisation` (评诺): residents of its region who are not its
 * members, the demo accounts left out (the demo resident rates for themself), by phone.
 */
async function ratersFor(em: EntityManager, organisation: PartyRow, exclude: string | null): Promise<string[]> {
  const rows = await em.execute<{ id: string }[]>(
    `select p.id from person p join region r on r.id = p.residence_region_id
      where starts_with(r.path, ?) and p.deleted_at is null and p.phone is not null and p.phone not in (${inList(DEMO_PHONES)})
        and p.id <> ? and not exists (select 1 from membership m where m.person_id = p.id and m.organisation_id = ?)
      order by p.phone`,
    [organisation.path, ...DEMO_PHONES, exclude ?? '00000000-0000-0000-0000-000000000000', organisation.id],
  );
  return rows.map((row) => row.id);
}

/** A party member reporting to the branch (双报到) who is neither a demo account nor one of its runners, by phone. */
async function memberOf(em: EntityManager, organisation: PartyRow): Promise<string | undefined> {
  const [row] = await em.execute<{ id: string }[]>(
    `select p.id from person p
      where (p.party_residence_organisation_id = ? or p.party_home_organisation_id = ?) and p.deleted_at is null
        and p.phone not in (${inList(DEMO_PHONES)})
        and not exists (select 1 from membership m where m.person_id = p.id and m.organisation_id = ? and m.role <> 'MEMBER')
      order by p.phone limit 1`,
    [organisation.id, organisation.id, ...DEMO_PHONES, organisation.id],
  );
  return row?.id;
}

/**
 * Seeds the commitments of the stories, with their progress, fulfilment and ratings and the activity
 * entries the API would have written, inside the caller's unit of work. Branches or people that are
 * missing are skipped.
 */
export async function seedCommitments(em: EntityManager, now: Date, random: Random): Promise<void> {
  const directory = await loadDirectory(em);
  const today = chinaDay(now);
  const dayFrom = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
  const ago = (days: number, jitterHours = 0) => new Date(now.getTime() - days * DAY_MS - jitterHours * HOUR_MS);
  for (const story of COMMITMENT_STORIES) {
    const branch = findBranch(directory, story.branch);
    const runner = branch && directory.runners.get(branch.id);
    const committer = branch && story.personal ? await memberOf(em, branch) : undefined;
    if (!branch || !runner || (story.personal && !committer)) {
      continue;
    }
    const author = committer ?? runner;
    const project = story.project ? directory.projects.find((row) => row.title.includes(story.project!)) : undefined;
    const createdAt = ago(Math.max(-story.dueInDays, 0) + 30 + random.int(0, 20), random.int(1, 8));
    const commitment = em.create(Commitment, {
      organisation: em.getReference(Organisation, branch.id),
      person: committer ? em.getReference(Person, committer) : null,
      title: story.title,
      description: story.description,
      beneficiary: story.beneficiary,
      dueOn: dayFrom(story.dueInDays),
      project: project ? em.getReference(Project, project.id) : null,
      visibility: story.internal ? CommitmentVisibility.INTERNAL : CommitmentVisibility.PUBLIC,
      createdBy: em.getReference(Person, author),
      createdAt,
      updatedAt: createdAt,
    });
    // As the API does: on the project's timeline only when public; on the organisation's behalf unless personal.
    const log = (
      at: Date,
      action: string,
      subject: { type: string; uuid: string },
      actor: string,
      onBehalf: boolean,
      after: Record<string, unknown>,
    ) =>
      em.create(ActivityEntry, {
        actor: em.getReference(Person, actor),
        onBehalfOf: onBehalf ? em.getReference(Organisation, branch.id) : null,
        action,
        subjectType: subject.type,
        subjectUuid: subject.uuid,
        projectUuid: project && !story.internal ? project.id : null,
        after,
        createdAt: at,
      });
    const subject = { type: 'Commitment', uuid: commitment.uuid };
    log(createdAt, 'commitment.created', subject, author, !committer, commitmentSnapshot(commitment));
    for (const step of story.progress ?? []) {
      const at = ago(step.daysAgo, random.int(1, 8));
      const progress = em.create(CommitmentProgress, {
        commitment,
        note: step.note,
        evidenceUrls: step.evidence ?? [],
        createdBy: em.getReference(Person, author),
        createdAt: at,
      });
      commitment.updatedAt = at;
      log(at, 'commitment.progressAdded', { type: 'CommitmentProgress', uuid: progress.uuid }, author, !committer, {
        commitmentId: commitment.id,
        note: step.note,
        evidenceUrls: progress.evidenceUrls,
      });
    }
    if (story.fulfilledDaysAgo === undefined) {
      continue;
    }
    const fulfilledAt = ago(story.fulfilledDaysAgo, random.int(1, 8));
    Object.assign(commitment, {
      fulfilledAt,
      fulfilledBy: em.getReference(Person, author),
      fulfilmentNote: story.fulfilmentNote ?? null,
      updatedAt: fulfilledAt,
    });
    log(fulfilledAt, 'commitment.fulfilled', subject, author, !committer, commitmentSnapshot(commitment));
    const raters = await ratersFor(em, branch, committer ?? null);
    story.ratings?.slice(0, raters.length).forEach((rating, index) => {
      const at = new Date(Math.min(fulfilledAt.getTime() + (index + 1) * DAY_MS, now.getTime() - HOUR_MS));
      const evaluation = em.create(CommitmentEvaluation, {
        commitment,
        person: em.getReference(Person, raters[index]!),
        score: rating.score,
        comment: rating.comment ?? null,
        createdAt: at,
      });
      log(at, 'commitment.evaluated', { type: 'CommitmentEvaluation', uuid: evaluation.uuid }, raters[index]!, false, {
        commitmentId: commitment.id,
        score: rating.score,
        comment: rating.comment ?? null,
      });
    });
  }
}
