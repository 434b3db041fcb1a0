import type { Context } from '../app/context.js';
import { recordedChange } from '../activity/recorded-change.js';
import { fail, failMany, ok, type Result } from '../common/errors/result.js';
import { UserErrorCode } from '../common/errors/user-error-code.js';
import { Validator } from '../common/errors/validate.js';
import { toGlobalId, uuidOf } from '../common/relay/global-id.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { can } from '../policy/policy.js';
import { checkHours, formatCentiHours } from './hours.js';
import { ServiceHoursEntry } from './service-hours-entry.entity.js';
import { shiftInChange } from './volunteering-access.js';
import { ServiceHoursKind } from './volunteering.enums.js';
import type { ServiceHoursCorrectInput, VolunteerPointsRuleSetInput } from './volunteering.inputs.js';
import { VolunteerPointsRule } from './volunteer-points-rule.entity.js';

/**
 * Corrects credited hours with a new CORRECTION entry (the ledger is never edited), by a coordinator of
 * the organisation that confirmed them, with a reason. The hours of the sign-up may not end below zero.
 * The shift's row lock serialises corrections of its entries, so two at once cannot both pass that check.
 */
export function serviceHoursCorrect(ctx: Context, input: ServiceHoursCorrectInput): Promise<Result<ServiceHoursEntry>> {
  return recordedChange(ctx, async (tx) => {
    const uuid = uuidOf(input.entryId, 'ServiceHoursEntry');
    const entry = uuid ? await tx.em.findOne(ServiceHoursEntry, { uuid }) : null;
    const found = entry ? await shiftInChange(tx, entry.shift.uuid) : undefined;
    if (!entry || !found) {
      return fail(UserErrorCode.NOT_FOUND, 'entryId names no service-hours entry you can see', ['input', 'entryId']);
    }
    if (!can(found.actor, 'volunteering.coordinate', { organisationUuid: entry.organisation.uuid })) {
      return fail(UserErrorCode.FORBIDDEN, 'Only ADMINs and COORDINATORs of the organisation that confirmed the hours correct them', [
        'input',
        'entryId',
      ]);
    }
    const validator = new Validator();
    const centi = checkHours(validator, ['input', 'hours'], input.hours, { signed: true });
    const reason = validator.text(['input', 'reason'], input.reason, { max: 500 });
    if (!validator.ok) {
      return failMany(validator.errors);
    }
    const hours = formatCentiHours(centi!);
    const [{ negative }] = await tx.em.execute<{ negative: boolean }[]>(
      'select coalesce(sum(hours), 0) + ?::numeric < 0 as negative from service_hours_entry where sign_up_id = ?',
      [hours, entry.signUp.uuid],
    );
    if (negative) {
      return fail(UserErrorCode.INVALID, 'The correction would take the hours of this shift below zero', ['input', 'hours']);
    }
    const correction = tx.em.create(ServiceHoursEntry, {
      person: entry.person,
      signUp: entry.signUp,
      shift: entry.shift,
      organisation: entry.organisation,
      hours,
      kind: ServiceHoursKind.CORRECTION,
      reason: reason!,
      verifiedBy: found.actor!.personUuid,
      // Always the credited entry: a correction is priced at the rate the original hours earned.
      corrects: entry.corrects ?? entry,
      createdAt: tx.clock.now(),
    });
    return ok({
      value: correction,
      activity: {
        action: 'serviceHours.corrected',
        subjectType: 'ServiceHoursEntry',
        subjectUuid: correction.uuid,
        projectUuid: found.project.uuid,
        onBehalfOfUuid: entry.organisation.uuid,
        after: {
          personId: toGlobalId('Person', entry.person.uuid),
          correctsId: toGlobalId('ServiceHoursEntry', (entry.corrects ?? entry).uuid),
          hours,
          reason,
        },
      },
    });
  });
}

const POINTS = /^(\d{1,6})(?:\.(\d{1,2}))?$/;
const MAX_POINTS_CENTI = 100_000_00;

/** "15" → "15.00" when it is a rate between 0 and 100000 with at most 2 decimals; integer arithmetic only. */
function pointsPerHour(text: string): string | undefined {
  const match = POINTS.exec(text.trim());
  if (!match) {
    return undefined;
  }
  const fraction = (match[2] ?? '').padEnd(2, '0');
  const centi = Number(match[1]) * 100 + Number(fraction);
  return centi <= MAX_POINTS_CENTI ? `${Number(match[1])}.${fraction}` : undefined;
}

/**
 * Sets how many points an hour earns, from now on: an organisation's ADMIN for hours it confirms, the
 * platform admin for the platform-wide rate. Earlier hours keep the rate they were confirmed at.
 */
export function volunteerPointsRuleSet(ctx: Context, input: VolunteerPointsRuleSetInput): Promise<Result<VolunteerPointsRule>> {
  return recordedChange(ctx, async (tx) => {
    const organisationUuid = input.organisationId ? uuidOf(input.organisationId, 'Organisation') : null;
    const organisation = organisationUuid ? await tx.em.findOne(Organisation, { uuid: organisationUuid }) : null;
    if (input.organisationId && !organisation) {
      return fail(UserErrorCode.NOT_FOUND, 'organisationId names no organisation', ['input', 'organisationId']);
    }
    const actor = await tx.actor();
    if (!can(actor, 'volunteerPoints.configure', organisation?.uuid ?? null)) {
      return fail(
        UserErrorCode.FORBIDDEN,
        organisation ? "Only the organisation's ADMINs set its points rate" : 'Only the platform admin sets the platform-wide rate',
        ['input', 'organisationId'],
      );
    }
    const value = pointsPerHour(input.pointsPerHour);
    if (!value) {
      return fail(UserErrorCode.INVALID, 'pointsPerHour must be between 0 and 100000 with at most 2 decimals', ['input', 'pointsPerHour']);
    }
    const rule = tx.em.create(VolunteerPointsRule, {
      organisation,
      pointsPerHour: value,
      effectiveFrom: tx.clock.now(),
      createdBy: actor!.personUuid,
      createdAt: tx.clock.now(),
    });
    return ok({
      value: rule,
      activity: {
        action: 'volunteerPointsRule.set',
        subjectType: 'VolunteerPointsRule',
        subjectUuid: rule.uuid,
        onBehalfOfUuid: organisation?.uuid ?? null,
        after: { organisationId: organisation ? organisation.id : null, pointsPerHour: value },
      },
    });
  });
}
