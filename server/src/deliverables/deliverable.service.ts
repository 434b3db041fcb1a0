import type { Context } from '../app/context.js';
import { isGiven } from '../common/validation/given.js';
import { changeProject } from '../activity/project-change.js';
import { fail, failMany, ok, type Result } from '../common/errors/result.js';
import { UserErrorCode } from '../common/errors/user-error-code.js';
import { Validator } from '../common/errors/validate.js';
import { preparedExecute } from '../db/prepared-query.js';
import { toGlobalId, uuidOf } from '../common/relay/global-id.js';
import { checkEvidenceUrls } from '../common/validation/evidence-urls.js';
import { ProjectPartnerStatus } from '../partners/project-partner.enums.js';
import { Pledge } from '../pledges/pledge.entity.js';
import { PledgeStatus } from '../pledges/pledge.enums.js';
import { can, type DeliverableFacts, type ProjectFacts } from '../policy/policy.js';
import { coordinatingOrganisation, memberOrganisation, projectInChange, type ProjectInChange } from '../projects/project-access.js';
import { acceptsPledges, isOpen } from '../projects/project-status.js';
import { DELIVERABLE_TRANSITIONS } from './deliverable-status.js';
import { Deliverable, DeliverableOwner, DeliverablePledge } from './deliverable.entity.js';
import { DeliverableStatus } from './deliverable.enums.js';
import type { DeliverableCreateInput, DeliverableTransitionInput, DeliverableUpdateInput } from './deliverable.inputs.js';

const MAX_OWNERS = 20;
const MAX_PLEDGES = 50;

function snapshot(deliverable: Deliverable, ownerUuids: string[], pledgeUuids: string[]): Record<string, unknown> {
  return {
    title: deliverable.title,
    description: deliverable.description ?? null,
    dueOn: deliverable.dueOn ?? null,
    status: deliverable.status,
    statusReason: deliverable.statusReason ?? null,
    evidenceUrls: deliverable.evidenceUrls,
    ownerIds: ownerUuids.map((uuid) => toGlobalId('Organisation', uuid)),
    pledgeIds: pledgeUuids.map((uuid) => toGlobalId('Pledge', uuid)),
  };
}

/** Owners must be accepted partners of the project (the core included). */
function resolveOwners(validator: Validator, ids: readonly string[], project: ProjectFacts): string[] {
  const field = ['input', 'ownerIds'];
  if (!ids.length) {
    validator.add(UserErrorCode.REQUIRED, field, 'a deliverable has at least one owner');
    return [];
  }
  if (ids.length > MAX_OWNERS) {
    validator.add(UserErrorCode.INVALID, field, `a deliverable has at most ${MAX_OWNERS} owners`);
    return [];
  }
  const partners = new Set(
    project.partners.filter((partner) => partner.status === ProjectPartnerStatus.ACCEPTED).map((partner) => partner.organisationUuid),
  );
  const owners = new Set<string>();
  ids.forEach((id, index) => {
    const uuid = uuidOf(id, 'Organisation');
    if (uuid && partners.has(uuid)) {
      owners.add(uuid);
    } else {
      validator.add(UserErrorCode.NOT_A_PARTNER, [...field, String(index)], `owner ${index + 1} is not an accepted partner of the project`);
    }
  });
  return [...owners];
}

/** Pledges that feed a deliverable: accepted or fulfilled pledges of the same project. */
async function resolvePledges(tx: Context, validator: Validator, ids: readonly string[], projectUuid: string): Promise<string[]> {
  const field = ['input', 'pledgeIds'];
  if (ids.length > MAX_PLEDGES) {
    validator.add(UserErrorCode.INVALID, field, `at most ${MAX_PLEDGES} pledges feed a deliverable`);
    return [];
  }
  const uuids = ids.map((id) => uuidOf(id, 'Pledge'));
  const found = await tx.em.find(Pledge, { uuid: { $in: uuids.filter((uuid): uuid is string => !!uuid) }, project: projectUuid });
  const usable = new Set(
    found
      .filter((pledge) => pledge.status === PledgeStatus.ACCEPTED || pledge.status === PledgeStatus.FULFILLED)
      .map((pledge) => pledge.uuid),
  );
  const pledges = new Set<string>();
  uuids.forEach((uuid, index) => {
    if (uuid && usable.has(uuid)) {
      pledges.add(uuid);
    } else {
      validator.add(UserErrorCode.INVALID, [...field, String(index)], `pledge ${index + 1} is not an accepted pledge of this project`);
    }
  });
  return [...pledges];
}

export function deliverableCreate(ctx: Context, input: DeliverableCreateInput): Promise<Result<Deliverable>> {
  return changeProject(ctx, async (tx) => {
    const found = await projectInChange(tx, uuidOf(input.projectId, 'Project'));
    if (!found) {
      return fail(UserErrorCode.NOT_FOUND, 'projectId names no project you can see', ['input', 'projectId']);
    }
    if (!can(found.actor, 'project.coordinate', found.facts)) {
      return fail(UserErrorCode.FORBIDDEN, 'Only coordinators of the project plan its deliverables', ['input', 'projectId']);
    }
    if (!isOpen(found.project.status)) {
      return fail(UserErrorCode.INVALID_STATE_TRANSITION, `A ${found.project.status} project takes no new deliverables`, [
        'input',
        'projectId',
      ]);
    }
    const validator = new Validator();
    const title = validator.text(['input', 'title'], input.title, { max: 100 });
    const description = validator.text(['input', 'description'], input.description, { max: 2000, required: false });
    const owners = resolveOwners(validator, input.ownerIds, found.facts);
    const pledges = await resolvePledges(tx, validator, input.pledgeIds ?? [], found.project.uuid);
    if (!validator.ok) {
      return failMany(validator.errors);
    }
    const now = tx.clock.now();
    const deliverable = tx.em.create(Deliverable, {
      project: found.project,
      title: title!,
      description: description ?? null,
      dueOn: input.dueOn ?? null,
      createdBy: tx.auth!.personUuid,
      createdAt: now,
    });
    owners.forEach((organisation) => tx.em.create(DeliverableOwner, { deliverable, organisation, createdAt: now }));
    pledges.forEach((pledge) => tx.em.create(DeliverablePledge, { deliverable, pledge, createdAt: now }));
    return ok({
      value: deliverable,
      activity: {
        action: 'deliverable.created',
        subjectType: 'Deliverable',
        subjectUuid: deliverable.uuid,
        projectUuid: found.project.uuid,
        onBehalfOfUuid: coordinatingOrganisation(found.actor, found.facts),
        after: snapshot(deliverable, owners, pledges),
      },
    });
  });
}

/** An owner or pledge link of a deliverable: its own row and the organisation or pledge it names. */
interface Attachment {
  rowUuid: string;
  uuid: string;
}

interface DeliverableInChange extends ProjectInChange {
  deliverable: Deliverable;
  /** Plain rows, not entities: a transition only names them, and an update removes the few it drops by id. */
  owners: Attachment[];
  links: Attachment[];
  deliverableFacts: DeliverableFacts;
}

/**
 * The owners and pledge links of a deliverable in one statement, oldest first: `other_id` is the owning
 * organisation or the linked pledge, as `kind` says.
 */
const OWNERS_AND_LINKS_SQL = `
  select 'owner' as kind, id, created_at, organisation_id as other_id from deliverable_owner where deliverable_id = ?
  union all
  select 'link', id, created_at, pledge_id from deliverable_pledge where deliverable_id = ?
  order by created_at, id`;

type OwnerOrLinkRow = { kind: 'owner' | 'link'; id: string; other_id: string };

/** Loads a deliverable for a change (project locked first, then the deliverable); undefined when not visible. */
async function deliverableInChange(tx: Context, id: string): Promise<DeliverableInChange | undefined> {
  const uuid = uuidOf(id, 'Deliverable');
  const found = await projectInChange(tx, uuid, 'share', 'select project_id from deliverable where id = ?');
  if (!found) {
    return undefined;
  }
  const [locked] = await preparedExecute<Record<string, unknown>>(tx.em, 'select * from deliverable where id = ? for update', [uuid]);
  const deliverable = tx.em.map(Deliverable, locked!);
  const rows = await preparedExecute<OwnerOrLinkRow>(tx.em, OWNERS_AND_LINKS_SQL, [uuid, uuid]);
  const owners: Attachment[] = [];
  const links: Attachment[] = [];
  for (const row of rows) {
    (row.kind === 'owner' ? owners : links).push({ rowUuid: row.id, uuid: row.other_id });
  }
  const deliverableFacts = { project: found.facts, ownerUuids: owners.map((owner) => owner.uuid) };
  return { ...found, deliverable, owners, links, deliverableFacts };
}

/** The organisation the actor edits for: an owner they belong to, else the project side they coordinate. */
function actingFor(found: DeliverableInChange): string | null {
  return memberOrganisation(found.actor, found.deliverableFacts.ownerUuids) ?? coordinatingOrganisation(found.actor, found.facts);
}

/** Owners' members and coordinators edit a deliverable until it is accepted; only coordinators change its owners. */
export function deliverableUpdate(ctx: Context, id: string, input: DeliverableUpdateInput): Promise<Result<Deliverable>> {
  return changeProject(ctx, async (tx) => {
    const found = await deliverableInChange(tx, id);
    if (!found) {
      return fail(UserErrorCode.NOT_FOUND, 'id names no deliverable you can see', ['id']);
    }
    const { deliverable, owners, links } = found;
    if (!can(found.actor, 'deliverable.edit', found.deliverableFacts)) {
      return fail(UserErrorCode.FORBIDDEN, "Only the owners' members and the project's coordinators edit a deliverable", ['id']);
    }
    if (isGiven(input.ownerIds) && !can(found.actor, 'deliverable.review', found.deliverableFacts)) {
      return fail(UserErrorCode.FORBIDDEN, 'Only coordinators of the project change who owns a deliverable', ['input', 'ownerIds']);
    }
    if (deliverable.status === DeliverableStatus.ACCEPTED || !isOpen(found.project.status)) {
      return fail(UserErrorCode.INVALID_STATE_TRANSITION, 'An accepted deliverable, or one of a closed project, no longer changes', ['id']);
    }
    const validator = new Validator();
    const title = isGiven(input.title) ? validator.text(['input', 'title'], input.title, { max: 100 }) : undefined;
    const description =
      input.description !== undefined
        ? validator.text(['input', 'description'], input.description, { max: 2000, required: false })
        : undefined;
    const ownerUuids = isGiven(input.ownerIds) ? resolveOwners(validator, input.ownerIds, found.facts) : undefined;
    const pledgeUuids = isGiven(input.pledgeIds) ? await resolvePledges(tx, validator, input.pledgeIds, found.project.uuid) : undefined;
    if (!validator.ok) {
      return failMany(validator.errors);
    }
    const currentOwners = owners.map((owner) => owner.uuid);
    const currentPledges = links.map((link) => link.uuid);
    const before = snapshot(deliverable, currentOwners, currentPledges);
    if (title !== undefined) {
      deliverable.title = title;
    }
    if (description !== undefined) {
      deliverable.description = description ?? null;
    }
    if (input.dueOn !== undefined) {
      deliverable.dueOn = input.dueOn;
    }
    if (ownerUuids) {
      owners
        .filter((owner) => !ownerUuids.includes(owner.uuid))
        .forEach((owner) => tx.em.remove(tx.em.getReference(DeliverableOwner, owner.rowUuid)));
      ownerUuids
        .filter((uuid) => !currentOwners.includes(uuid))
        .forEach((organisation) => tx.em.create(DeliverableOwner, { deliverable, organisation }));
    }
    if (pledgeUuids) {
      links
        .filter((link) => !pledgeUuids.includes(link.uuid))
        .forEach((link) => tx.em.remove(tx.em.getReference(DeliverablePledge, link.rowUuid)));
      pledgeUuids
        .filter((uuid) => !currentPledges.includes(uuid))
        .forEach((pledge) => tx.em.create(DeliverablePledge, { deliverable, pledge }));
    }
    return ok({
      value: deliverable,
      activity: {
        action: 'deliverable.updated',
        subjectType: 'Deliverable',
        subjectUuid: deliverable.uuid,
        projectUuid: found.project.uuid,
        onBehalfOfUuid: actingFor(found),
        before,
        after: snapshot(deliverable, ownerUuids ?? currentOwners, pledgeUuids ?? currentPledges),
      },
    });
  });
}

/**
 * Moves a deliverable: owners start and submit it; coordinators accept it or send it back with a reason.
 * Evidence links given with a move are added to those already there.
 */
export function deliverableTransition(ctx: Context, id: string, input: DeliverableTransitionInput): Promise<Result<Deliverable>> {
  return changeProject(ctx, async (tx) => {
    const found = await deliverableInChange(tx, id);
    if (!found) {
      return fail(UserErrorCode.NOT_FOUND, 'id names no deliverable you can see', ['id']);
    }
    const { deliverable } = found;
    if (!can(found.actor, 'deliverable.edit', found.deliverableFacts)) {
      return fail(UserErrorCode.FORBIDDEN, "Only the owners' members and the project's coordinators move a deliverable", ['id']);
    }
    const from: DeliverableStatus = deliverable.status;
    const right = DELIVERABLE_TRANSITIONS[from][input.to];
    if (!right) {
      return fail(UserErrorCode.INVALID_STATE_TRANSITION, `A deliverable cannot move from ${from} to ${input.to}`, ['input', 'to']);
    }
    if (right === 'review' && !can(found.actor, 'deliverable.review', found.deliverableFacts)) {
      return fail(UserErrorCode.FORBIDDEN, 'Only coordinators of the project accept a deliverable or send it back', ['input', 'to']);
    }
    if (!acceptsPledges(found.project.status)) {
      return fail(UserErrorCode.INVALID_STATE_TRANSITION, 'Deliverables move while the project is recruiting or active', ['id']);
    }
    const sendBack = from === DeliverableStatus.SUBMITTED && input.to === DeliverableStatus.IN_PROGRESS;
    const validator = new Validator();
    const reason = validator.text(['input', 'reason'], input.reason, { max: 1000, required: sendBack });
    const evidenceUrls = checkEvidenceUrls(validator, ['input', 'evidenceUrls'], input.evidenceUrls);
    const merged = [...new Set([...deliverable.evidenceUrls, ...evidenceUrls])];
    if (merged.length > 20) {
      validator.add(UserErrorCode.INVALID, ['input', 'evidenceUrls'], 'a deliverable keeps at most 20 evidence links');
    }
    if (!validator.ok) {
      return failMany(validator.errors);
    }
    const owners = found.deliverableFacts.ownerUuids;
    const pledges = found.links.map((link) => link.uuid);
    const before = snapshot(deliverable, [...owners], pledges);
    const now = tx.clock.now();
    deliverable.status = input.to;
    deliverable.evidenceUrls = merged;
    deliverable.statusReason = sendBack ? reason! : (reason ?? null);
    if (input.to === DeliverableStatus.SUBMITTED) {
      deliverable.submittedAt = now;
    }
    if (input.to === DeliverableStatus.ACCEPTED) {
      deliverable.acceptedAt = now;
    }
    return ok({
      value: deliverable,
      activity: {
        action: 'deliverable.transitioned',
        subjectType: 'Deliverable',
        subjectUuid: deliverable.uuid,
        projectUuid: found.project.uuid,
        onBehalfOfUuid: actingFor(found),
        before,
        after: snapshot(deliverable, [...owners], pledges),
      },
    });
  });
}
