import type { Context } from '../app/context.js';
import { recordedChange, type RecordedChange } from '../activity/recorded-change.js';
import { fail, failMany, ok, type Result } from '../common/errors/result.js';
import { UserErrorCode } from '../common/errors/user-error-code.js';
import { Validator } from '../common/errors/validate.js';
import { toGlobalId, uuidOf } from '../common/relay/global-id.js';
import { chinaDay } from '../common/time/china-day.js';
import { checkEvidenceUrls } from '../common/validation/evidence-urls.js';
import { Need } from '../needs/need.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { OrganisationKind, VerificationStatus } from '../organisations/organisation.enums.js';
import { Person } from '../people/person.entity.js';
import { can } from '../policy/policy.js';
import { readableProject } from '../projects/project-access.js';
import type { Project } from '../projects/project.entity.js';
import { commitmentInChange, type CommitmentInChange } from './commitment-access.js';
import { commitmentStatus } from './commitment-status.js';
import { Commitment, CommitmentProgress } from './commitment.entity.js';
import { CommitmentStatus, CommitmentVisibility } from './commitment.enums.js';
import type {
  CommitmentCreateInput,
  CommitmentFulfilInput,
  CommitmentProgressAddInput,
  CommitmentUpdateInput,
} from './commitment.inputs.js';

export function commitmentSnapshot(commitment: Commitment): Record<string, unknown> {
  return {
    organisationId: toGlobalId('Organisation', commitment.organisation.uuid),
    personId: commitment.person ? toGlobalId('Person', commitment.person.uuid) : null,
    title: commitment.title,
    beneficiary: commitment.beneficiary,
    dueOn: commitment.dueOn,
    visibility: commitment.visibility,
    fulfilledAt: commitment.fulfilledAt?.toISOString() ?? null,
  };
}

/**
 * The one activity entry of a commitment change. It goes on the project's timeline only when the
 * commitment is public: a project timeline is public, an INTERNAL commitment is not.
 */
export function commitmentChange<T>(
  commitment: Commitment,
  value: T,
  entry: {
    action: string;
    subjectType?: string;
    subjectUuid?: string;
    /** Defaults to the organisation for its own commitments, to nobody for a member's personal one. */
    onBehalfOfUuid?: string | null;
    before?: Record<string, unknown>;
    after?: Record<string, unknown>;
  },
): RecordedChange<T> {
  return {
    value,
    activity: {
      action: entry.action,
      subjectType: entry.subjectType ?? 'Commitment',
      subjectUuid: entry.subjectUuid ?? commitment.uuid,
      projectUuid: commitment.visibility === CommitmentVisibility.PUBLIC ? (commitment.project?.uuid ?? null) : null,
      onBehalfOfUuid: entry.onBehalfOfUuid !== undefined ? entry.onBehalfOfUuid : commitment.person ? null : commitment.organisation.uuid,
      before: entry.before ?? null,
      after: entry.after ?? commitmentSnapshot(commitment),
    },
  };
}

function checkDueOn(validator: Validator, dueOn: string, today: string): void {
  if (dueOn < today) {
    validator.add(UserErrorCode.INVALID, ['input', 'dueOn'], 'dueOn must be today or later');
  }
}

/** The project and need a commitment serves: the need's project when a need is given; both must be readable. */
async function projectAndNeed(
  tx: Context,
  input: CommitmentCreateInput,
  validator: Validator,
): Promise<{ project: Project | null; need: Need | null }> {
  let need: Need | null = null;
  let projectUuid = input.projectId ? uuidOf(input.projectId, 'Project') : undefined;
  if (input.needId) {
    const needUuid = uuidOf(input.needId, 'Need');
    need = needUuid ? await tx.em.findOne(Need, { uuid: needUuid }) : null;
    if (!need || (projectUuid && need.project.uuid !== projectUuid)) {
      validator.add(UserErrorCode.NOT_FOUND, ['input', 'needId'], 'needId names no need of the project');
      return { project: null, need: null };
    }
    projectUuid = need.project.uuid;
  }
  if (!input.projectId && !input.needId) {
    return { project: null, need: null };
  }
  const project = (await readableProject(tx, projectUuid)) ?? null;
  if (!project) {
    validator.add(UserErrorCode.NOT_FOUND, ['input', input.projectId ? 'projectId' : 'needId'], 'names no project you can see');
  }
  return { project, need };
}

/**
 * Publishes a commitment of a verified Party organisation: the organisation's own (its ADMINs and
 * COORDINATORs), or a party member's personal one in the organisation they belong or report to.
 */
export function commitmentCreate(ctx: Context, input: CommitmentCreateInput): Promise<Result<Commitment>> {
  return recordedChange(ctx, async (tx) => {
    const actor = (await tx.actor())!;
    const organisationUuid = uuidOf(input.organisationId, 'Organisation');
    const organisation = organisationUuid ? await tx.em.findOne(Organisation, { uuid: organisationUuid }) : null;
    if (!organisation) {
      return fail(UserErrorCode.NOT_FOUND, 'organisationId names no organisation', ['input', 'organisationId']);
    }
    const me = (await tx.em.findOne(Person, { uuid: actor.personUuid }))!;
    const partyOrganisationUuids = [me.partyHomeOrganisation?.uuid, me.partyResidenceOrganisation?.uuid].filter(
      (uuid): uuid is string => !!uuid,
    );
    const personal = !!input.personal;
    if (!can(actor, 'commitment.create', { organisationUuid: organisation.uuid, personal, partyOrganisationUuids })) {
      return fail(
        UserErrorCode.FORBIDDEN,
        personal
          ? 'A personal commitment is published in a Party organisation you belong or report to'
          : "Only the organisation's ADMINs and COORDINATORs publish its commitments",
        ['input', 'organisationId'],
      );
    }
    if (organisation.kind !== OrganisationKind.PARTY_ORGANISATION) {
      return fail(UserErrorCode.INVALID, 'Commitments (承诺) are published by Party organisations', ['input', 'organisationId']);
    }
    if (organisation.verificationStatus !== VerificationStatus.VERIFIED) {
      return fail(UserErrorCode.ORGANISATION_NOT_VERIFIED, 'The Party organisation is not verified yet', ['input', 'organisationId']);
    }
    const validator = new Validator();
    const title = validator.text(['input', 'title'], input.title, { max: 100 });
    const description = validator.text(['input', 'description'], input.description, { max: 5000 });
    const beneficiary = validator.text(['input', 'beneficiary'], input.beneficiary, { max: 200 });
    checkDueOn(validator, input.dueOn, chinaDay(tx.clock.now()));
    const { project, need } = await projectAndNeed(tx, input, validator);
    if (!validator.ok) {
      return failMany(validator.errors);
    }
    const now = tx.clock.now();
    const commitment = tx.em.create(Commitment, {
      organisation,
      person: personal ? me : null,
      title: title!,
      description: description!,
      beneficiary: beneficiary!,
      dueOn: input.dueOn,
      project,
      need,
      visibility: input.visibility ?? CommitmentVisibility.PUBLIC,
      createdBy: me,
      createdAt: now,
      updatedAt: now,
    });
    return ok(commitmentChange(commitment, commitment, { action: 'commitment.created' }));
  });
}

type Managed<T> = (found: CommitmentInChange, tx: Context) => Promise<Result<RecordedChange<T>>>;

/** Runs a change of the committing side (`commitment.manage`) on a commitment that is not fulfilled yet. */
function manageOpen<T>(ctx: Context, id: string, field: string[], work: Managed<T>): Promise<Result<T>> {
  return recordedChange(ctx, async (tx) => {
    const found = await commitmentInChange(tx, uuidOf(id, 'Commitment'));
    if (!found) {
      return fail(UserErrorCode.NOT_FOUND, 'names no commitment you can see', field);
    }
    if (!can(found.actor, 'commitment.manage', found.facts)) {
      return fail(
        UserErrorCode.FORBIDDEN,
        'Only the committing side (the member who made it, or the organisation’s ADMINs and COORDINATORs) may do this',
        field,
      );
    }
    if (found.commitment.fulfilledAt) {
      return fail(UserErrorCode.INVALID_STATE_TRANSITION, 'The commitment is fulfilled: it no longer changes', field);
    }
    return work(found, tx);
  });
}

/**
 * The committing side edits an unfulfilled commitment. An overdue one keeps its due day: the delay
 * stays visible (democratic supervision), and the way out is fulfilling it.
 */
export function commitmentUpdate(ctx: Context, id: string, input: CommitmentUpdateInput): Promise<Result<Commitment>> {
  return manageOpen(ctx, id, ['id'], async ({ commitment }, tx) => {
    const today = chinaDay(tx.clock.now());
    const validator = new Validator();
    const text = (name: 'title' | 'description' | 'beneficiary', max: number) =>
      input[name] === undefined || input[name] === null ? undefined : validator.text(['input', name], input[name], { max });
    const title = text('title', 100);
    const description = text('description', 5000);
    const beneficiary = text('beneficiary', 200);
    if (input.dueOn && input.dueOn !== commitment.dueOn) {
      if (commitmentStatus(commitment, false, today) === CommitmentStatus.OVERDUE) {
        validator.add(UserErrorCode.INVALID_STATE_TRANSITION, ['input', 'dueOn'], 'An overdue commitment keeps its due day');
      } else {
        checkDueOn(validator, input.dueOn, today);
      }
    }
    if (!validator.ok) {
      return failMany(validator.errors);
    }
    const before = commitmentSnapshot(commitment);
    Object.assign(commitment, {
      ...(title !== undefined && { title }),
      ...(description !== undefined && { description }),
      ...(beneficiary !== undefined && { beneficiary }),
      ...(input.dueOn && { dueOn: input.dueOn }),
      ...(input.visibility && { visibility: input.visibility }),
      updatedAt: tx.clock.now(),
    });
    return ok(commitmentChange(commitment, commitment, { action: 'commitment.updated', before }));
  });
}

function addProgress(tx: Context, commitment: Commitment, note: string, evidenceUrls: string[]): CommitmentProgress {
  return tx.em.create(CommitmentProgress, {
    commitment,
    note,
    evidenceUrls,
    createdBy: tx.auth!.personUuid,
    createdAt: tx.clock.now(),
  });
}

/** The committing side reports progress (践诺) with evidence, until the commitment is fulfilled. */
export function commitmentProgressAdd(ctx: Context, input: CommitmentProgressAddInput): Promise<Result<CommitmentProgress>> {
  return manageOpen(ctx, input.commitmentId, ['input', 'commitmentId'], async ({ commitment }, tx) => {
    const validator = new Validator();
    const note = validator.text(['input', 'note'], input.note, { max: 1000 });
    const evidenceUrls = checkEvidenceUrls(validator, ['input', 'evidenceUrls'], input.evidenceUrls);
    if (!validator.ok) {
      return failMany(validator.errors);
    }
    const progress = addProgress(tx, commitment, note!, evidenceUrls);
    commitment.updatedAt = tx.clock.now();
    return ok(
      commitmentChange(commitment, progress, {
        action: 'commitment.progressAdded',
        subjectType: 'CommitmentProgress',
        subjectUuid: progress.uuid,
        after: { commitmentId: commitment.id, note, evidenceUrls },
      }),
    );
  });
}

/**
 * The committing side marks the commitment fulfilled (践诺), once; a note and evidence given with it are
 * kept as its last progress update. From then on residents and the council may rate it (评诺).
 */
export function commitmentFulfil(ctx: Context, id: string, input: CommitmentFulfilInput | null | undefined): Promise<Result<Commitment>> {
  return manageOpen(ctx, id, ['id'], async ({ commitment }, tx) => {
    const validator = new Validator();
    const note = validator.text(['input', 'note'], input?.note, { max: 1000, required: false });
    const evidenceUrls = checkEvidenceUrls(validator, ['input', 'evidenceUrls'], input?.evidenceUrls);
    if (!validator.ok) {
      return failMany(validator.errors);
    }
    const before = commitmentSnapshot(commitment);
    const now = tx.clock.now();
    commitment.fulfilledAt = now;
    commitment.fulfilledBy = tx.em.getReference(Person, tx.auth!.personUuid);
    commitment.fulfilmentNote = note ?? null;
    commitment.updatedAt = now;
    if (note || evidenceUrls.length) {
      addProgress(tx, commitment, note ?? '已践诺', evidenceUrls);
    }
    return ok(commitmentChange(commitment, commitment, { action: 'commitment.fulfilled', before }));
  });
}
