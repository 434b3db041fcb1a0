import { LockMode } from '@mikro-orm/core';
import type { Context } from '../app/context.js';
import { changeProject } from '../activity/project-change.js';
import { fail, failMany, ok, type Result } from '../common/errors/result.js';
import { UserErrorCode } from '../common/errors/user-error-code.js';
import { Validator } from '../common/errors/validate.js';
import { toGlobalId, uuidOf } from '../common/relay/global-id.js';
import { chinaDay } from '../common/time/china-day.js';
import { checkEvidenceUrls } from '../common/validation/evidence-urls.js';
import { checkQuantity } from '../common/validation/quantity.js';
import { Person } from '../people/person.entity.js';
import { can } from '../policy/policy.js';
import { coordinatingOrganisation } from '../projects/project-access.js';
import { acceptsPledges } from '../projects/project-status.js';
import { Delivery } from './delivery.entity.js';
import { pledgeInChange, pledgeUuid } from './pledge-access.js';
import { PledgeStatus } from './pledge.enums.js';
import type { DeliveryRecordInput } from './pledge.inputs.js';

function snapshot(delivery: Delivery): Record<string, unknown> {
  return {
    pledgeId: toGlobalId('Pledge', delivery.pledge.uuid),
    quantity: delivery.quantity,
    deliveredOn: delivery.deliveredOn,
    note: delivery.note ?? null,
    evidenceUrls: delivery.evidenceUrls,
    confirmedAt: delivery.confirmedAt?.toISOString() ?? null,
  };
}

/**
 * The pledging organisation records a delivery against its accepted pledge. Recorded deliveries
 * (confirmed or not) may not add up to more than the pledge; the pledge row is locked while checking.
 */
export function deliveryRecord(ctx: Context, input: DeliveryRecordInput): Promise<Result<Delivery>> {
  return changeProject(ctx, async (tx) => {
    const found = await pledgeInChange(tx, pledgeUuid(input.pledgeId));
    if (!found) {
      return fail(UserErrorCode.NOT_FOUND, 'pledgeId names no pledge you can see', ['input', 'pledgeId']);
    }
    const { pledge, project } = found;
    if (!can(found.actor, 'pledge.edit', found.pledgeFacts)) {
      return fail(UserErrorCode.FORBIDDEN, 'Only members of the pledging organisation record its deliveries', ['input', 'pledgeId']);
    }
    if (pledge.status !== PledgeStatus.ACCEPTED) {
      return fail(UserErrorCode.INVALID_STATE_TRANSITION, `Deliveries are recorded against accepted pledges, not ${pledge.status} ones`, [
        'input',
        'pledgeId',
      ]);
    }
    if (!acceptsPledges(project.status)) {
      return fail(UserErrorCode.INVALID_STATE_TRANSITION, 'Deliveries are recorded while the project is recruiting or active', [
        'input',
        'pledgeId',
      ]);
    }
    const validator = new Validator();
    const quantity = checkQuantity(validator, ['input', 'quantity'], input.quantity);
    const note = validator.text(['input', 'note'], input.note, { max: 1000, required: false });
    const evidenceUrls = checkEvidenceUrls(validator, ['input', 'evidenceUrls'], input.evidenceUrls);
    if (input.deliveredOn > chinaDay(tx.clock.now())) {
      validator.add(UserErrorCode.INVALID, ['input', 'deliveredOn'], 'deliveredOn must not be in the future');
    }
    if (!validator.ok) {
      return failMany(validator.errors);
    }
    const [{ exceeds }] = await tx.em.execute<{ exceeds: boolean }[]>(
      'select coalesce(sum(quantity), 0) + ?::numeric > ?::numeric as exceeds from delivery where pledge_id = ?',
      [quantity!, pledge.quantity, pledge.uuid],
    );
    if (exceeds) {
      return fail(UserErrorCode.DELIVERY_EXCEEDS_PLEDGE, 'Recorded deliveries would exceed the pledged quantity', ['input', 'quantity']);
    }
    const delivery = tx.em.create(Delivery, {
      pledge,
      quantity: quantity!,
      deliveredOn: input.deliveredOn,
      note: note ?? null,
      evidenceUrls,
      recordedBy: tx.auth!.personUuid,
      createdAt: tx.clock.now(),
    });
    return ok({
      value: delivery,
      activity: {
        action: 'delivery.recorded',
        subjectType: 'Delivery',
        subjectUuid: delivery.uuid,
        projectUuid: project.uuid,
        onBehalfOfUuid: pledge.organisation.uuid,
        after: snapshot(delivery),
      },
    });
  });
}

/**
 * The project side confirms receipt. When confirmed deliveries now cover the pledge, the pledge is
 * FULFILLED in the same transaction: the ledger never shows one without the other.
 */
export function deliveryConfirm(ctx: Context, id: string): Promise<Result<Delivery>> {
  return changeProject(ctx, async (tx) => {
    const uuid = uuidOf(id, 'Delivery');
    const peek = uuid ? await tx.em.findOne(Delivery, { uuid }) : null;
    const found = peek ? await pledgeInChange(tx, peek.pledge.uuid) : undefined;
    if (!peek || !found) {
      return fail(UserErrorCode.NOT_FOUND, 'id names no delivery you can see', ['id']);
    }
    const { pledge, project } = found;
    const delivery = (await tx.em.findOne(Delivery, { uuid: peek.uuid }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true }))!;
    if (!can(found.actor, 'pledge.respond', found.pledgeFacts)) {
      return fail(UserErrorCode.FORBIDDEN, "Only the project's coordinators confirm deliveries, and never their own organisation's", [
        'id',
      ]);
    }
    if (delivery.confirmedAt) {
      return fail(UserErrorCode.INVALID_STATE_TRANSITION, 'The delivery is already confirmed', ['id']);
    }
    if (pledge.status !== PledgeStatus.ACCEPTED) {
      return fail(UserErrorCode.INVALID_STATE_TRANSITION, `Deliveries of a ${pledge.status} pledge can no longer be confirmed`, ['id']);
    }
    if (!acceptsPledges(project.status)) {
      return fail(UserErrorCode.INVALID_STATE_TRANSITION, 'Deliveries are confirmed while the project is recruiting or active', ['id']);
    }
    const now = tx.clock.now();
    delivery.confirmedAt = now;
    delivery.confirmedBy = tx.em.getReference(Person, tx.auth!.personUuid);
    await tx.em.flush();
    const [{ covered }] = await tx.em.execute<{ covered: boolean }[]>(
      'select coalesce(sum(quantity), 0) >= ?::numeric as covered from delivery where pledge_id = ? and confirmed_at is not null',
      [pledge.quantity, pledge.uuid],
    );
    if (covered) {
      pledge.status = PledgeStatus.FULFILLED;
      pledge.fulfilledAt = now;
    }
    return ok({
      value: delivery,
      activity: {
        action: 'delivery.confirmed',
        subjectType: 'Delivery',
        subjectUuid: delivery.uuid,
        projectUuid: project.uuid,
        onBehalfOfUuid: coordinatingOrganisation(found.actor, found.facts),
        before: { confirmedAt: null, pledgeStatus: PledgeStatus.ACCEPTED },
        after: { ...snapshot(delivery), pledgeStatus: pledge.status },
      },
    });
  });
}
