import type { Context } from '../app/context.js';
import { fail, failMany, ok, type Result } from '../common/errors/result.js';
import { UserErrorCode } from '../common/errors/user-error-code.js';
import { Validator } from '../common/errors/validate.js';
import { uuidOf } from '../common/relay/global-id.js';
import { normaliseMobile } from '../common/validation/contact.js';
import { checkEvidenceUrls } from '../common/validation/quantity.js';
import { Person } from '../people/person.entity.js';
import { can } from '../policy/policy.js';
import { Region } from '../regions/region.entity.js';
import { RegionLevel } from '../regions/region.enums.js';
import { appendStep } from './demand-change.js';
import { DemandTicket } from './demand-ticket.entity.js';
import { DemandChannel, DemandContactPreference, DemandEventAction } from './demand.enums.js';
import type { DemandSubmitInput } from './demand.inputs.js';
import { HOUR_MS } from './demand.transitions.js';

export const DEMAND_LIMITS = { description: 2000, place: 200, contactName: 100, contactAddress: 200 } as const;

const GRID_LEVELS: readonly RegionLevel[] = [RegionLevel.GRID, RegionLevel.MICRO_GRID];

/** A mobile number, or a landline with its area code (0877-2021234): how residents are called back. */
export function normaliseContactPhone(input: string): string | undefined {
  const mobile = normaliseMobile(input);
  if (mobile) {
    return mobile;
  }
  const landline = input.replace(/[\s()（）]/g, '');
  return /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/.test(landline) ? landline : undefined;
}

/** The resident the demand is for: the viewer, or the person a grid worker records it for. */
async function findResident(ctx: Context, validator: Validator, input: DemandSubmitInput, viewerUuid: string): Promise<Person | undefined> {
  const uuid = input.residentId ? uuidOf(input.residentId, 'Person') : viewerUuid;
  const resident = uuid ? await ctx.loaders.people.byUuid.load(uuid) : undefined;
  if (!resident || resident.deletedAt) {
    validator.add(UserErrorCode.NOT_FOUND, ['input', 'residentId'], 'No such resident');
    return undefined;
  }
  return resident;
}

/** The grid of the demand: the one given, or the resident's residence when it is a grid or micro-grid. */
async function findGrid(
  ctx: Context,
  validator: Validator,
  input: DemandSubmitInput,
  resident: Person | undefined,
): Promise<Region | undefined> {
  if (input.gridId) {
    const uuid = uuidOf(input.gridId, 'Region');
    const region = uuid ? await ctx.loaders.regions.byUuid.load(uuid) : undefined;
    if (!region) {
      validator.add(UserErrorCode.NOT_FOUND, ['input', 'gridId'], 'No such region');
    } else if (!GRID_LEVELS.includes(region.level)) {
      validator.add(UserErrorCode.INVALID, ['input', 'gridId'], `gridId must be a GRID or MICRO_GRID, not a ${region.level}`);
    } else {
      return region;
    }
    return undefined;
  }
  const residence = resident?.residenceRegion ? await ctx.loaders.regions.byUuid.load(resident.residenceRegion.uuid) : undefined;
  if (residence && GRID_LEVELS.includes(residence.level)) {
    return residence;
  }
  if (resident) {
    validator.add(
      UserErrorCode.REQUIRED,
      ['input', 'gridId'],
      'The resident does not live in a grid on record: say which grid the demand is in',
    );
  }
  return undefined;
}

/** ONLINE for yourself; IN_PERSON or PHONE when a grid worker records a demand for a resident. */
function checkChannel(validator: Validator, channel: DemandChannel | null | undefined, onBehalf: boolean): DemandChannel | undefined {
  const field = ['input', 'channel'];
  if (!onBehalf) {
    if (channel && channel !== DemandChannel.ONLINE) {
      validator.add(UserErrorCode.INVALID, field, `${channel} records a demand for another resident; your own demand is ONLINE`);
    }
    return DemandChannel.ONLINE;
  }
  if (!channel) {
    validator.add(UserErrorCode.REQUIRED, field, 'Say whether the resident came IN_PERSON or called by PHONE');
  } else if (channel === DemandChannel.ONLINE) {
    validator.add(UserErrorCode.INVALID, field, 'A demand recorded for a resident came IN_PERSON or by PHONE, not ONLINE');
  }
  return channel ?? undefined;
}

/**
 * Submits a demand (点单): a resident for themself, or a grid worker (or region admin) for a resident
 * who came in person or called. The deadlines are fixed now from the category's time limits.
 */
export async function demandSubmit(ctx: Context, input: DemandSubmitInput): Promise<Result<DemandTicket>> {
  const actor = (await ctx.actor())!;
  const validator = new Validator();
  const resident = await findResident(ctx, validator, input, actor.personUuid);
  const grid = await findGrid(ctx, validator, input, resident);
  const onBehalf = !!resident && resident.uuid !== actor.personUuid;
  const channel = checkChannel(validator, input.channel, onBehalf);
  const description = validator.text(['input', 'description'], input.description, { max: DEMAND_LIMITS.description });
  const place = validator.text(['input', 'place'], input.place, { max: DEMAND_LIMITS.place, required: false });
  const contactName = validator.text(['input', 'contactName'], input.contactName ?? resident?.name, { max: DEMAND_LIMITS.contactName });
  const address = input.contactAddress ?? resident?.address;
  const contactAddress = validator.text(['input', 'contactAddress'], address, { max: DEMAND_LIMITS.contactAddress, required: false });
  let contactPhone = resident?.phone ?? null;
  if (input.contactPhone?.trim()) {
    contactPhone = normaliseContactPhone(input.contactPhone) ?? null;
    if (!contactPhone) {
      validator.add(UserErrorCode.INVALID, ['input', 'contactPhone'], 'contactPhone must be a mobile number or a landline with area code');
    }
  }
  const evidenceUrls = checkEvidenceUrls(validator, ['input', 'evidenceUrls'], input.evidenceUrls);
  if (!validator.ok) {
    return failMany(validator.errors);
  }
  const facts = {
    residentUuid: resident!.uuid,
    gridPath: grid!.path,
    dispatcherUuid: null,
    assignedOrganisationUuid: null,
    ownerOrganisationUuid: null,
  };
  if (!can(actor, 'demand.submit', facts)) {
    return fail(
      UserErrorCode.FORBIDDEN,
      'Only a grid worker of this grid (or an administrator above it) may submit a demand for another resident',
    );
  }
  const policy = await ctx.loaders.demands.categoryPolicy.load(input.category);
  if (!policy) {
    throw new Error(`demand_category_policy has no row for ${input.category}`);
  }
  const now = ctx.clock.now();
  const ticket = await ctx.em.transactional(async (tx) => {
    const created = tx.create(DemandTicket, {
      resident: tx.getReference(Person, resident!.uuid),
      submittedBy: tx.getReference(Person, actor.personUuid),
      channel: channel!,
      grid: tx.getReference(Region, grid!.uuid),
      category: input.category,
      description: description!,
      place: place ?? null,
      contactName: contactName!,
      contactPhone,
      contactAddress: contactAddress ?? null,
      contactPreference: input.contactPreference ?? DemandContactPreference.PHONE_CALL,
      evidenceUrls,
      responseDueAt: new Date(now.getTime() + policy.responseHours * HOUR_MS),
      resolutionDueAt: new Date(now.getTime() + policy.resolutionHours * HOUR_MS),
      createdAt: now,
      updatedAt: now,
    });
    created.dueAt = created.responseDueAt;
    appendStep({ ...ctx, em: tx }, created, { action: DemandEventAction.SUBMITTED, activity: 'demand.submitted' });
    return created;
  });
  return ok(ticket);
}
