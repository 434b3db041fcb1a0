import type { Context } from '../app/context.js';
import { isGiven } from '../common/validation/given.js';
import { changeProject } from '../activity/project-change.js';
import { fail, failMany, ok, type Result } from '../common/errors/result.js';
import { UserErrorCode } from '../common/errors/user-error-code.js';
import { Validator } from '../common/errors/validate.js';
import { toGlobalId, uuidOf } from '../common/relay/global-id.js';
import { chinaDay } from '../common/time/china-day.js';
import { checkQuantity } from '../common/validation/quantity.js';
import { can } from '../policy/policy.js';
import { coordinatingOrganisation, projectInChange, type ProjectInChange } from '../projects/project-access.js';
import { isOpen } from '../projects/project-status.js';
import { lockNeed, PROJECT_OF_NEED, wouldExceed } from './need-ledger.js';
import { Need } from './need.entity.js';
import type { NeedCreateInput, NeedUpdateInput } from './need.inputs.js';

function snapshot(need: Need): Record<string, unknown> {
  return {
    kind: need.kind,
    description: need.description,
    quantity: need.quantity,
    unit: need.unit,
    deadline: need.deadline ?? null,
    allowOversubscription: need.allowOversubscription,
    closedAt: need.closedAt?.toISOString() ?? null,
  };
}

/** Coordinators manage needs of a project that is still running. */
function checkManage(found: ProjectInChange, field: string[]): Result<true> {
  if (!can(found.actor, 'project.coordinate', found.facts)) {
    return fail(UserErrorCode.FORBIDDEN, 'Only coordinators of the project manage its needs', field);
  }
  if (!isOpen(found.project.status)) {
    return fail(UserErrorCode.INVALID_STATE_TRANSITION, `A ${found.project.status} project's needs can no longer change`, field);
  }
  return ok(true);
}

function checkDeadline(validator: Validator, deadline: string | null | undefined, today: string): void {
  if (deadline && deadline < today) {
    validator.add(UserErrorCode.INVALID, ['input', 'deadline'], 'deadline must not be in the past');
  }
}

export function needCreate(ctx: Context, input: NeedCreateInput): Promise<Result<Need>> {
  return changeProject(ctx, async (tx) => {
    const found = await projectInChange(tx, uuidOf(input.projectId, 'Project'));
    if (!found) {
      return fail(UserErrorCode.NOT_FOUND, 'projectId names no project you can see', ['input', 'projectId']);
    }
    const allowed = checkManage(found, ['input', 'projectId']);
    if (!allowed.ok) {
      return allowed;
    }
    const validator = new Validator();
    const description = validator.text(['input', 'description'], input.description, { max: 1000 });
    const unit = validator.text(['input', 'unit'], input.unit, { max: 20 });
    const quantity = checkQuantity(validator, ['input', 'quantity'], input.quantity);
    checkDeadline(validator, input.deadline, chinaDay(tx.clock.now()));
    if (!validator.ok) {
      return failMany(validator.errors);
    }
    const need = tx.em.create(Need, {
      project: found.project,
      kind: input.kind,
      description: description!,
      quantity: quantity!,
      unit: unit!,
      deadline: input.deadline ?? null,
      allowOversubscription: input.allowOversubscription ?? false,
      createdBy: tx.auth!.personUuid,
      createdAt: tx.clock.now(),
    });
    return ok({
      value: need,
      activity: {
        action: 'need.created',
        subjectType: 'Need',
        subjectUuid: need.uuid,
        projectUuid: found.project.uuid,
        onBehalfOfUuid: coordinatingOrganisation(found.actor, found.facts),
        after: snapshot(need),
      },
    });
  });
}

/** Loads and locks a need with its project for a change; undefined when unknown or not visible. */
async function needInChange(tx: Context, id: string) {
  const uuid = uuidOf(id, 'Need');
  // The project is locked before the need, the order every change follows, so no two deadlock.
  const found = await projectInChange(tx, uuid, 'share', PROJECT_OF_NEED);
  const need = found && (await lockNeed(tx, uuid!));
  return need && found ? { need, ...found } : undefined;
}

/**
 * Edits a need. Its quantity may not drop below what is pledged (unless oversubscription is allowed),
 * and its kind and unit are fixed once anything is pledged: the pledges were made in that unit.
 */
export function needUpdate(ctx: Context, id: string, input: NeedUpdateInput): Promise<Result<Need>> {
  return changeProject(ctx, async (tx) => {
    const found = await needInChange(tx, id);
    if (!found) {
      return fail(UserErrorCode.NOT_FOUND, 'id names no need you can see', ['id']);
    }
    const { need } = found;
    const allowed = checkManage(found, ['id']);
    if (!allowed.ok) {
      return allowed;
    }
    if (need.closedAt) {
      return fail(UserErrorCode.NEED_CLOSED, 'A closed need can no longer change', ['id']);
    }
    const validator = new Validator();
    const description = isGiven(input.description) ? validator.text(['input', 'description'], input.description, { max: 1000 }) : undefined;
    const unit = isGiven(input.unit) ? validator.text(['input', 'unit'], input.unit, { max: 20 }) : undefined;
    const quantity = isGiven(input.quantity) ? checkQuantity(validator, ['input', 'quantity'], input.quantity) : undefined;
    if (input.deadline !== undefined && input.deadline !== need.deadline) {
      checkDeadline(validator, input.deadline, chinaDay(tx.clock.now()));
    }
    if (!validator.ok) {
      return failMany(validator.errors);
    }
    const [{ pledged }] = await tx.em.execute<{ pledged: boolean }[]>(
      `select exists (select 1 from pledge where need_id = ? and status in ('PROPOSED', 'ACCEPTED', 'FULFILLED')) as pledged`,
      [need.uuid],
    );
    if (pledged) {
      if (isGiven(input.kind) && input.kind !== need.kind) {
        validator.add(UserErrorCode.INVALID, ['input', 'kind'], 'the kind cannot change once something is pledged');
      }
      if (unit !== undefined && unit !== need.unit) {
        validator.add(UserErrorCode.INVALID, ['input', 'unit'], 'the unit cannot change once something is pledged');
      }
    }
    const allowOversubscription = input.allowOversubscription ?? need.allowOversubscription;
    if (!allowOversubscription && (await wouldExceed(tx, need.uuid, quantity ?? need.quantity, '0'))) {
      validator.add(UserErrorCode.PLEDGE_EXCEEDS_NEED, ['input', 'quantity'], 'more than this quantity is already pledged');
    }
    if (!validator.ok) {
      return failMany(validator.errors);
    }
    const before = snapshot(need);
    Object.assign(need, {
      ...(isGiven(input.kind) ? { kind: input.kind } : {}),
      ...(description !== undefined ? { description } : {}),
      ...(unit !== undefined ? { unit } : {}),
      ...(quantity !== undefined ? { quantity } : {}),
      ...(input.deadline !== undefined ? { deadline: input.deadline } : {}),
      allowOversubscription,
    });
    return ok({
      value: need,
      activity: {
        action: 'need.updated',
        subjectType: 'Need',
        subjectUuid: need.uuid,
        projectUuid: found.project.uuid,
        onBehalfOfUuid: coordinatingOrganisation(found.actor, found.facts),
        before,
        after: snapshot(need),
      },
    });
  });
}

/** Closes a need to new pledges; pledges still waiting for an answer are cancelled, accepted ones stand. */
export function needClose(ctx: Context, id: string): Promise<Result<Need>> {
  return changeProject(ctx, async (tx) => {
    const found = await needInChange(tx, id);
    if (!found) {
      return fail(UserErrorCode.NOT_FOUND, 'id names no need you can see', ['id']);
    }
    const { need } = found;
    const allowed = checkManage(found, ['id']);
    if (!allowed.ok) {
      return allowed;
    }
    if (need.closedAt) {
      return fail(UserErrorCode.INVALID_STATE_TRANSITION, 'The need is already closed', ['id']);
    }
    const before = snapshot(need);
    need.closedAt = tx.clock.now();
    const cancelled = await tx.em.execute<{ id: string }[]>(
      `update pledge set status = 'CANCELLED' where need_id = ? and status = 'PROPOSED' returning id`,
      [need.uuid],
    );
    return ok({
      value: need,
      activity: {
        action: 'need.closed',
        subjectType: 'Need',
        subjectUuid: need.uuid,
        projectUuid: found.project.uuid,
        onBehalfOfUuid: coordinatingOrganisation(found.actor, found.facts),
        before,
        after: { ...snapshot(need), cancelledPledgeIds: cancelled.map((row) => toGlobalId('Pledge', row.id)) },
      },
    });
  });
}
