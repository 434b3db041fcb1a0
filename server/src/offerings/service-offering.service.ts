import { LockMode } from '@mikro-orm/core';
import { recordActivity } from '../activity/activity.service.js';
import type { Context } from '../app/context.js';
import { fail, failMany, ok, type Result } from '../common/errors/result.js';
import { UserErrorCode } from '../common/errors/user-error-code.js';
import { Validator } from '../common/errors/validate.js';
import { toGlobalId, uuidOf } from '../common/relay/global-id.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { VerificationStatus } from '../organisations/organisation.enums.js';
import { Person } from '../people/person.entity.js';
import { can } from '../policy/policy.js';
import { Region } from '../regions/region.entity.js';
import { ServiceOffering, ServiceOfferingRegion } from './service-offering.entity.js';
import type { ServiceOfferingCreateInput, ServiceOfferingUpdateInput } from './service-offering.inputs.js';

export const OFFERING_LIMITS = { title: 100, description: 2000, regions: 20 } as const;

/** The served regions, checked: 1 to 20 existing regions, duplicates dropped. */
async function parseRegions(ctx: Context, validator: Validator, regionIds: readonly string[]): Promise<Region[]> {
  const field = ['input', 'regionIds'];
  const unique = [...new Set(regionIds)];
  if (!unique.length) {
    validator.add(UserErrorCode.REQUIRED, field, 'An offering serves at least one region');
    return [];
  }
  if (unique.length > OFFERING_LIMITS.regions) {
    validator.add(UserErrorCode.INVALID, field, `An offering serves at most ${OFFERING_LIMITS.regions} regions`);
    return [];
  }
  const regions: Region[] = [];
  for (const [index, id] of unique.entries()) {
    const uuid = uuidOf(id, 'Region');
    const region = uuid && (await ctx.loaders.regions.byUuid.load(uuid));
    if (region) {
      regions.push(region);
    } else {
      validator.add(UserErrorCode.NOT_FOUND, [...field, String(index)], 'No such region');
    }
  }
  return regions;
}

/** The member offering their own expertise: a person who belongs to the organisation; null for none. */
async function parsePerson(ctx: Context, validator: Validator, personId: string | null, organisationUuid: string): Promise<string | null> {
  if (!personId) {
    return null;
  }
  const field = ['input', 'personId'];
  const uuid = uuidOf(personId, 'Person');
  const person = uuid && (await ctx.loaders.people.byUuid.load(uuid));
  if (!person || person.deletedAt) {
    validator.add(UserErrorCode.NOT_FOUND, field, 'No such person');
    return null;
  }
  const memberships = await ctx.loaders.memberships.byPerson.load(person.uuid);
  if (!memberships.some((membership) => membership.organisation.uuid === organisationUuid)) {
    validator.add(UserErrorCode.INVALID, field, 'The person must be a member of the organisation');
  }
  return person.uuid;
}

function snapshot(offering: ServiceOffering, regionUuids: readonly string[]): Record<string, unknown> {
  return {
    title: offering.title,
    description: offering.description ?? null,
    category: offering.category,
    kind: offering.kind,
    active: offering.active,
    personId: offering.person ? toGlobalId('Person', offering.person.uuid) : null,
    regionIds: regionUuids.map((uuid) => toGlobalId('Region', uuid)),
  };
}

/** Lists a service: by the organisation's coordinators, or by a member for their own expertise. */
export async function serviceOfferingCreate(ctx: Context, input: ServiceOfferingCreateInput): Promise<Result<ServiceOffering>> {
  const actor = await ctx.actor();
  const organisationUuid = uuidOf(input.organisationId, 'Organisation');
  const organisation = organisationUuid && (await ctx.loaders.organisations.byUuid.load(organisationUuid));
  if (!organisation) {
    return fail(UserErrorCode.NOT_FOUND, 'No such organisation', ['input', 'organisationId']);
  }
  const validator = new Validator();
  const personUuid = await parsePerson(ctx, validator, input.personId ?? null, organisation.uuid);
  if (!can(actor, 'serviceOffering.manage', { organisationUuid: organisation.uuid, personUuid })) {
    return fail(
      UserErrorCode.FORBIDDEN,
      'Only its ADMINs and COORDINATORs list an organisation’s services; a member only their own expertise',
    );
  }
  if (organisation.verificationStatus !== VerificationStatus.VERIFIED) {
    return fail(UserErrorCode.ORGANISATION_NOT_VERIFIED, 'Only verified organisations list services', ['input', 'organisationId']);
  }
  const title = validator.text(['input', 'title'], input.title, { max: OFFERING_LIMITS.title });
  const description = validator.text(['input', 'description'], input.description, { max: OFFERING_LIMITS.description, required: false });
  const regions = await parseRegions(ctx, validator, input.regionIds);
  if (!validator.ok) {
    return failMany(validator.errors);
  }
  const now = ctx.clock.now();
  return ctx.em.transactional(async (tx) => {
    const offering = tx.create(ServiceOffering, {
      organisation: tx.getReference(Organisation, organisation.uuid),
      person: personUuid ? tx.getReference(Person, personUuid) : null,
      title: title!,
      description: description ?? null,
      category: input.category,
      kind: input.kind,
      active: input.active ?? true,
      createdAt: now,
      updatedAt: now,
    });
    for (const region of regions) {
      tx.create(ServiceOfferingRegion, { offering, region: tx.getReference(Region, region.uuid), createdAt: now });
    }
    recordActivity(
      { ...ctx, em: tx },
      {
        action: 'serviceOffering.created',
        subjectType: 'ServiceOffering',
        subjectUuid: offering.uuid,
        onBehalfOfUuid: organisation.uuid,
        after: snapshot(
          offering,
          regions.map((region) => region.uuid),
        ),
      },
    );
    return ok(offering);
  });
}

/** Edits an offering; the policy must allow both its current and its new person. */
export async function serviceOfferingUpdate(ctx: Context, id: string, input: ServiceOfferingUpdateInput): Promise<Result<ServiceOffering>> {
  const actor = await ctx.actor();
  const uuid = uuidOf(id, 'ServiceOffering');
  const existing = uuid && (await ctx.loaders.offerings.byUuid.load(uuid));
  if (!existing) {
    return fail(UserErrorCode.NOT_FOUND, 'No such service offering', ['id']);
  }
  const organisationUuid = existing.organisation.uuid;
  const validator = new Validator();
  const personUuid = input.personId !== undefined ? await parsePerson(ctx, validator, input.personId, organisationUuid) : undefined;
  const allowed =
    can(actor, 'serviceOffering.manage', { organisationUuid, personUuid: existing.person?.uuid ?? null }) &&
    (personUuid === undefined || can(actor, 'serviceOffering.manage', { organisationUuid, personUuid }));
  if (!allowed) {
    return fail(UserErrorCode.FORBIDDEN, 'Only its ADMINs and COORDINATORs edit an organisation’s services; a member only their own');
  }
  const title = input.title !== undefined ? validator.text(['input', 'title'], input.title, { max: OFFERING_LIMITS.title }) : undefined;
  const description =
    input.description !== undefined
      ? (validator.text(['input', 'description'], input.description, { max: OFFERING_LIMITS.description, required: false }) ?? null)
      : undefined;
  const regions = input.regionIds ? await parseRegions(ctx, validator, input.regionIds) : undefined;
  if (input.regionIds === null) {
    validator.add(UserErrorCode.REQUIRED, ['input', 'regionIds'], 'An offering serves at least one region');
  }
  if (!validator.ok) {
    return failMany(validator.errors);
  }
  const now = ctx.clock.now();
  return ctx.em.transactional(async (tx) => {
    const offering = await tx.findOneOrFail(
      ServiceOffering,
      { uuid: existing.uuid },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    const links = await tx.find(ServiceOfferingRegion, { offering });
    const before = snapshot(
      offering,
      links.map((link) => link.region.uuid),
    );
    if (personUuid !== undefined) {
      offering.person = personUuid ? tx.getReference(Person, personUuid) : null;
    }
    offering.title = title ?? offering.title;
    offering.description = description !== undefined ? description : offering.description;
    offering.category = input.category ?? offering.category;
    offering.kind = input.kind ?? offering.kind;
    offering.active = input.active ?? offering.active;
    offering.updatedAt = now;
    let regionUuids = links.map((link) => link.region.uuid);
    if (regions) {
      regionUuids = regions.map((region) => region.uuid);
      links.filter((link) => !regionUuids.includes(link.region.uuid)).forEach((link) => tx.remove(link));
      regions
        .filter((region) => !links.some((link) => link.region.uuid === region.uuid))
        .forEach((region) => tx.create(ServiceOfferingRegion, { offering, region: tx.getReference(Region, region.uuid), createdAt: now }));
    }
    const after = snapshot(offering, regionUuids);
    const changed = Object.keys(after).filter((key) => JSON.stringify(after[key]) !== JSON.stringify(before[key]));
    if (changed.length) {
      recordActivity(
        { ...ctx, em: tx },
        {
          action: 'serviceOffering.updated',
          subjectType: 'ServiceOffering',
          subjectUuid: offering.uuid,
          onBehalfOfUuid: organisationUuid,
          before: Object.fromEntries(changed.map((key) => [key, before[key]])),
          after: Object.fromEntries(changed.map((key) => [key, after[key]])),
        },
      );
    }
    ctx.loaders.offerings.servedRegions.clear(offering.uuid);
    ctx.loaders.offerings.byUuid.clear(offering.uuid);
    return ok(offering);
  });
}
