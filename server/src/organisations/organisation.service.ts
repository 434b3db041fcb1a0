import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { recordActivity } from '../activity/activity.service.js';
import type { Context } from '../app/context.js';
import { fail, failMany, ok, type Result } from '../common/errors/result.js';
import { UserErrorCode } from '../common/errors/user-error-code.js';
import { userError, type UserError } from '../common/errors/user-error.js';
import { Validator } from '../common/errors/validate.js';
import { toGlobalId, uuidOf } from '../common/relay/global-id.js';
import { escapeLike, lockKeys } from '../common/sql.js';
import { normaliseCreditCode } from '../common/validation/credit-code.js';
import { Membership } from '../memberships/membership.entity.js';
import { MembershipRole } from '../memberships/membership.enums.js';
import type { DemocraticParty } from '../people/person.enums.js';
import { can } from '../policy/policy.js';
import { Region } from '../regions/region.entity.js';
import { Organisation } from './organisation.entity.js';
import { OrganisationKind, SUBTYPES_BY_KIND, VerificationStatus, type OrganisationSubtype } from './organisation.enums.js';
import { actingFor, organisationFacts } from './organisation.facts.js';
import type { OrganisationCreateInput, OrganisationUpdateInput } from './organisation.inputs.js';

export const ORGANISATION_LIMITS = { name: 100, description: 2000, contactName: 100, contactPhone: 30, address: 200 } as const;

/** Validated profile values; a key is present only when the input sets it. */
interface ProfileChanges {
  name?: string;
  subtype?: OrganisationSubtype | null;
  democraticParty?: DemocraticParty | null;
  region?: Region;
  parent?: Organisation | null;
  creditCode?: string | null;
  description?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
  address?: string | null;
}

type ProfileInput = Omit<OrganisationCreateInput, 'kind' | 'name' | 'regionId'> & { name?: string | null; regionId?: string | null };

/** An office telephone: a landline with area code and extension, a hotline or a mobile; 5 to 15 digits. */
function isOfficePhone(text: string): boolean {
  const digits = text.replace(/^\+?86[\s-]?/, '').replace(/[\s\-()（）]/g, '');
  return /^\d{5,15}$/.test(digits);
}

/** Whether `candidate` is `organisation` itself or sits below it: it cannot become its parent. */
async function isSelfOrBelow(em: EntityManager, candidate: Organisation, organisation: Organisation): Promise<boolean> {
  const [row] = await em.getConnection().execute<{ below: boolean }[]>(
    `with recursive up(id, parent_id) as (
       select id, parent_id from organisation where id = ?
       union
       select o.id, o.parent_id from organisation o join up on o.id = up.parent_id
     ) select exists(select 1 from up where id = ?) as below`,
    [candidate.uuid, organisation.uuid],
  );
  return !!row?.below;
}

/**
 * Validates the profile fields of a create (every field, `existing` undefined) or an update (only the
 * fields given; undefined means "unchanged", null means "clear"). Collects every problem in `validator`.
 */
async function parseProfile(
  ctx: Context,
  validator: Validator,
  input: ProfileInput,
  kind: OrganisationKind,
  existing?: Organisation,
): Promise<ProfileChanges> {
  const changes: ProfileChanges = {};
  const given = (value: unknown) => !existing || value !== undefined;
  const optionalText = (key: 'description' | 'contactName' | 'contactPhone' | 'address') => {
    if (given(input[key])) {
      changes[key] = validator.text(['input', key], input[key], { max: ORGANISATION_LIMITS[key], required: false }) ?? null;
    }
  };

  if (given(input.name)) {
    const name = validator.text(['input', 'name'], input.name, { max: ORGANISATION_LIMITS.name });
    if (name) {
      changes.name = name;
    }
  }
  if (given(input.subtype)) {
    const subtype = input.subtype ?? null;
    if (subtype && !SUBTYPES_BY_KIND[kind]?.includes(subtype)) {
      validator.add(UserErrorCode.INVALID, ['input', 'subtype'], `${subtype} is not a subtype of ${kind}`);
    }
    changes.subtype = subtype;
  }
  if (given(input.democraticParty)) {
    const party = input.democraticParty ?? null;
    if (kind === OrganisationKind.DEMOCRATIC_PARTY && !party) {
      validator.add(UserErrorCode.REQUIRED, ['input', 'democraticParty'], 'a DEMOCRATIC_PARTY organisation needs its democraticParty');
    } else if (kind !== OrganisationKind.DEMOCRATIC_PARTY && party) {
      validator.add(UserErrorCode.INVALID, ['input', 'democraticParty'], 'only a DEMOCRATIC_PARTY organisation has a democraticParty');
    }
    changes.democraticParty = party;
  }
  if (given(input.creditCode)) {
    if (!input.creditCode?.trim()) {
      changes.creditCode = null;
    } else {
      const code = normaliseCreditCode(input.creditCode);
      if (code) {
        changes.creditCode = code;
      } else {
        validator.add(
          UserErrorCode.INVALID,
          ['input', 'creditCode'],
          'creditCode must be an 18-character unified social credit code with a valid check character',
        );
      }
    }
  }
  optionalText('description');
  optionalText('contactName');
  optionalText('contactPhone');
  optionalText('address');
  if (changes.contactPhone && !isOfficePhone(changes.contactPhone)) {
    validator.add(UserErrorCode.INVALID, ['input', 'contactPhone'], 'contactPhone must be a telephone number, e.g. 0877-2021234');
  }
  if (given(input.regionId)) {
    const uuid = input.regionId ? uuidOf(input.regionId, 'Region') : undefined;
    const region = uuid && (await ctx.loaders.regions.byUuid.load(uuid));
    if (!input.regionId) {
      validator.add(UserErrorCode.REQUIRED, ['input', 'regionId'], 'an organisation must sit in a region');
    } else if (!region) {
      validator.add(UserErrorCode.NOT_FOUND, ['input', 'regionId'], 'No such region');
    } else {
      changes.region = region;
    }
  }
  if (given(input.parentId)) {
    if (!input.parentId) {
      changes.parent = null;
    } else {
      const uuid = uuidOf(input.parentId, 'Organisation');
      const parent = uuid && (await ctx.loaders.organisations.byUuid.load(uuid));
      if (!parent) {
        validator.add(UserErrorCode.NOT_FOUND, ['input', 'parentId'], 'No such organisation');
      } else if (existing && (await isSelfOrBelow(ctx.em, parent, existing))) {
        validator.add(UserErrorCode.INVALID, ['input', 'parentId'], 'the parent must not be the organisation itself or one below it');
      } else {
        changes.parent = parent;
      }
    }
  }
  return changes;
}

/**
 * Duplicates another organisation would have: the credit code, or the name within the same region.
 * Runs inside the writing transaction, after advisory locks on exactly these values, so two concurrent
 * requests cannot both pass the check.
 */
async function findDuplicates(
  tx: EntityManager,
  check: { selfUuid?: string; name?: string; regionUuid: string; creditCode?: string | null },
): Promise<UserError[]> {
  const keys = [
    ...(check.creditCode ? [`organisation.creditCode:${check.creditCode}`] : []),
    ...(check.name ? [`organisation.name:${check.regionUuid}:${check.name.toLowerCase()}`] : []),
  ];
  await lockKeys(tx, keys);
  const others = check.selfUuid ? { uuid: { $ne: check.selfUuid } } : {};
  const errors: UserError[] = [];
  if (check.creditCode && (await tx.count(Organisation, { creditCode: check.creditCode, ...others }))) {
    errors.push(userError(UserErrorCode.ALREADY_EXISTS, 'An organisation with this credit code is registered', ['input', 'creditCode']));
  }
  if (check.name && (await tx.count(Organisation, { region: check.regionUuid, name: { $ilike: escapeLike(check.name) }, ...others }))) {
    errors.push(userError(UserErrorCode.ALREADY_EXISTS, 'An organisation with this name is registered in this region', ['input', 'name']));
  }
  return errors;
}

/** The public profile, as recorded in the activity log (organisations' profiles are public data). */
export function profileSnapshot(organisation: Organisation): Record<string, unknown> {
  return {
    name: organisation.name,
    kind: organisation.kind,
    subtype: organisation.subtype ?? null,
    democraticParty: organisation.democraticParty ?? null,
    regionId: toGlobalId('Region', organisation.region.uuid),
    parentId: organisation.parent ? toGlobalId('Organisation', organisation.parent.uuid) : null,
    creditCode: organisation.creditCode ?? null,
    description: organisation.description ?? null,
    contactName: organisation.contactName ?? null,
    contactPhone: organisation.contactPhone ?? null,
    address: organisation.address ?? null,
    verificationStatus: organisation.verificationStatus,
  };
}

/** Registers an organisation: PENDING verification, with its creator as ADMIN. */
export async function organisationCreate(ctx: Context, input: OrganisationCreateInput): Promise<Result<Organisation>> {
  const actor = await ctx.actor();
  if (!can(actor, 'organisation.create', null)) {
    return fail(UserErrorCode.FORBIDDEN, 'You may not register organisations');
  }
  const validator = new Validator();
  const changes = await parseProfile(ctx, validator, input, input.kind);
  if (!validator.ok) {
    return failMany(validator.errors);
  }
  const now = ctx.clock.now();
  const result = await ctx.em.transactional(async (tx) => {
    const duplicates = await findDuplicates(tx, { name: changes.name, regionUuid: changes.region!.uuid, creditCode: changes.creditCode });
    if (duplicates.length) {
      return failMany<Organisation>(duplicates);
    }
    const organisation = tx.create(Organisation, {
      name: changes.name!,
      kind: input.kind,
      subtype: changes.subtype ?? null,
      democraticParty: changes.democraticParty ?? null,
      region: tx.getReference(Region, changes.region!.uuid),
      parent: changes.parent ? tx.getReference(Organisation, changes.parent.uuid) : null,
      creditCode: changes.creditCode ?? null,
      description: changes.description ?? null,
      contactName: changes.contactName ?? null,
      contactPhone: changes.contactPhone ?? null,
      address: changes.address ?? null,
      createdAt: now,
    });
    tx.create(Membership, { person: actor!.personUuid, organisation, role: MembershipRole.ADMIN, createdAt: now });
    recordActivity(
      { ...ctx, em: tx },
      {
        action: 'organisation.created',
        subjectType: 'Organisation',
        subjectUuid: organisation.uuid,
        onBehalfOfUuid: organisation.uuid,
        after: profileSnapshot(organisation),
      },
    );
    return ok(organisation);
  });
  if (result.ok) {
    // The creator is now the organisation's ADMIN: the payload's viewer fields must see it.
    ctx.reloadActor();
    ctx.loaders.memberships.byPerson.clear(actor!.personUuid);
  }
  return result;
}

/** Edits an organisation's profile; its kind never changes. */
export async function organisationUpdate(ctx: Context, id: string, input: OrganisationUpdateInput): Promise<Result<Organisation>> {
  const uuid = uuidOf(id, 'Organisation');
  const existing = uuid && (await ctx.loaders.organisations.byUuid.load(uuid));
  if (!existing) {
    return fail(UserErrorCode.NOT_FOUND, 'No such organisation', ['id']);
  }
  const actor = await ctx.actor();
  if (!can(actor, 'organisation.update', await organisationFacts(ctx, existing))) {
    return fail(UserErrorCode.FORBIDDEN, 'You may not edit this organisation');
  }
  const validator = new Validator();
  const changes = await parseProfile(ctx, validator, input, existing.kind, existing);
  if (!validator.ok) {
    return failMany(validator.errors);
  }
  return ctx.em.transactional(async (tx) => {
    const organisation = await tx.findOneOrFail(
      Organisation,
      { uuid: existing.uuid },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    const before = profileSnapshot(organisation);
    const regionUuid = changes.region?.uuid ?? organisation.region.uuid;
    const nameChanged = changes.name !== undefined && changes.name !== organisation.name;
    const creditCodeChanged = changes.creditCode !== undefined && changes.creditCode !== (organisation.creditCode ?? null);
    const duplicates = await findDuplicates(tx, {
      selfUuid: organisation.uuid,
      name: nameChanged || regionUuid !== organisation.region.uuid ? (changes.name ?? organisation.name) : undefined,
      regionUuid,
      creditCode: creditCodeChanged ? changes.creditCode : undefined,
    });
    if (duplicates.length) {
      return failMany<Organisation>(duplicates);
    }
    const { region, parent, ...fields } = changes;
    Object.assign(organisation, fields);
    if (region) {
      organisation.region = tx.getReference(Region, region.uuid);
    }
    if (parent !== undefined) {
      organisation.parent = parent ? tx.getReference(Organisation, parent.uuid) : null;
    }
    // A verified identity is the name and the credit code: changing either calls for a new verification.
    if (organisation.verificationStatus === VerificationStatus.VERIFIED && (nameChanged || creditCodeChanged)) {
      organisation.verificationStatus = VerificationStatus.PENDING;
      organisation.verifiedAt = null;
      organisation.verifiedBy = null;
      organisation.verificationNote = null;
    }
    const after = profileSnapshot(organisation);
    const changed = Object.keys(after).filter((key) => after[key] !== before[key]);
    if (changed.length) {
      recordActivity(
        { ...ctx, em: tx },
        {
          action: 'organisation.updated',
          subjectType: 'Organisation',
          subjectUuid: organisation.uuid,
          onBehalfOfUuid: actingFor(actor, organisation.uuid),
          before: Object.fromEntries(changed.map((key) => [key, before[key]])),
          after: Object.fromEntries(changed.map((key) => [key, after[key]])),
        },
      );
    }
    return ok(organisation);
  });
}
