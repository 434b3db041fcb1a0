import type { FilterQuery } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { recordActivity } from '../activity/activity.service.js';
import type { Context } from '../app/context.js';
import { failMany, fail, ok, type Result } from '../common/errors/result.js';
import { UserErrorCode } from '../common/errors/user-error-code.js';
import { userError, type UserError } from '../common/errors/user-error.js';
import { Validator } from '../common/errors/validate.js';
import { uuidOf } from '../common/relay/global-id.js';
import { escapeLike, lockKeys } from '../common/sql.js';
import { normaliseEmail, normaliseMobile } from '../common/validation/contact.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { OrganisationKind } from '../organisations/organisation.enums.js';
import { can, peopleSearchScope } from '../policy/policy.js';
import { Region } from '../regions/region.entity.js';
import { Person } from './person.entity.js';
import type { PersonFilter, PersonUpdateInput } from './person.inputs.js';
import { personFacts } from './person-privacy.js';

export const PERSON_LIMITS = { name: 50, address: 200, skill: 30, skills: 20 } as const;

const NO_ROW = '00000000-0000-0000-0000-000000000000';

/**
 * The `where` of a people search: the caller's scope from the policy (everyone, or the residents of
 * the subtrees they administer or work), narrowed by the filter. Throws FORBIDDEN for anyone else.
 */
export async function peopleSearchWhere(ctx: Context, filter: PersonFilter | null): Promise<FilterQuery<Person>> {
  const scope = peopleSearchScope(await ctx.actor());
  if (scope !== 'everyone' && !scope.length) {
    throw new GraphQLError('Only region administrators, grid workers and platform administrators may search people', {
      extensions: { code: 'FORBIDDEN' },
    });
  }
  const within = (path: string) => ({ residenceRegion: { path: { $like: `${escapeLike(path)}%` } } });
  const where: FilterQuery<Person>[] = [{ deletedAt: null }];
  if (scope !== 'everyone') {
    where.push({ $or: scope.map(within) });
  }
  if (filter?.regionId) {
    const uuid = uuidOf(filter.regionId, 'Region');
    const region = uuid && (await ctx.loaders.regions.byUuid.load(uuid));
    where.push(region ? within(region.path) : { uuid: NO_ROW });
  }
  if (filter?.tag) {
    where.push({ tags: { $contains: [filter.tag] } });
  }
  const search = filter?.search?.trim();
  if (search) {
    const phone = normaliseMobile(search);
    where.push({ $or: [{ name: { $ilike: `%${escapeLike(search)}%` } }, ...(phone ? [{ phone }] : [])] });
  }
  return { $and: where };
}

type PersonChanges = Partial<
  Pick<Person, 'name' | 'phone' | 'email' | 'address' | 'tags' | 'skills' | 'democraticParty'> & {
    residenceRegion: Region | null;
    partyHomeOrganisation: Organisation | null;
    partyResidenceOrganisation: Organisation | null;
  }
>;

async function partyOrganisation(
  ctx: Context,
  validator: Validator,
  key: 'partyHomeOrganisationId' | 'partyResidenceOrganisationId',
  id: string | null,
): Promise<Organisation | null | undefined> {
  if (!id) {
    return null;
  }
  const uuid = uuidOf(id, 'Organisation');
  const organisation = uuid && (await ctx.loaders.organisations.byUuid.load(uuid));
  if (!organisation) {
    validator.add(UserErrorCode.NOT_FOUND, ['input', key], 'No such organisation');
  } else if (organisation.kind !== OrganisationKind.PARTY_ORGANISATION) {
    validator.add(UserErrorCode.INVALID, ['input', key], 'a party member reports to a PARTY_ORGANISATION');
  } else {
    return organisation;
  }
  return undefined;
}

/** Validates the given fields (undefined: unchanged; null: cleared), collecting every problem. */
async function parseChanges(ctx: Context, validator: Validator, input: PersonUpdateInput, person: Person): Promise<PersonChanges> {
  const changes: PersonChanges = {};
  if (input.name !== undefined) {
    const name = validator.text(['input', 'name'], input.name, { max: PERSON_LIMITS.name });
    if (name) {
      changes.name = name;
    }
  }
  if (input.phone !== undefined) {
    const phone = input.phone?.trim() ? normaliseMobile(input.phone) : null;
    if (phone === undefined) {
      validator.add(UserErrorCode.INVALID, ['input', 'phone'], 'phone must be a mainland mobile number of 11 digits, e.g. 13812345678');
    }
    changes.phone = phone ?? null;
  }
  if (input.email !== undefined) {
    const email = input.email?.trim() ? normaliseEmail(input.email) : null;
    if (email === undefined) {
      validator.add(UserErrorCode.INVALID, ['input', 'email'], 'email is not a valid address');
    }
    changes.email = email ?? null;
  }
  if (
    validator.ok &&
    !(changes.phone !== undefined ? changes.phone : person.phone) &&
    !(changes.email !== undefined ? changes.email : person.email)
  ) {
    validator.add(UserErrorCode.REQUIRED, ['input', 'phone'], 'an account keeps a phone number or an email to sign in with');
  }
  if (input.address !== undefined) {
    changes.address = validator.text(['input', 'address'], input.address, { max: PERSON_LIMITS.address, required: false }) ?? null;
  }
  if (input.residenceRegionId !== undefined) {
    const uuid = input.residenceRegionId ? uuidOf(input.residenceRegionId, 'Region') : undefined;
    const region = uuid && (await ctx.loaders.regions.byUuid.load(uuid));
    if (input.residenceRegionId && !region) {
      validator.add(UserErrorCode.NOT_FOUND, ['input', 'residenceRegionId'], 'No such region');
    }
    changes.residenceRegion = region || null;
  }
  if (input.tags !== undefined) {
    changes.tags = [...new Set(input.tags ?? [])];
  }
  if (input.skills !== undefined) {
    const skills = [...new Set((input.skills ?? []).map((skill) => skill.trim()).filter(Boolean))];
    skills.forEach((skill, index) => {
      if ([...skill].length > PERSON_LIMITS.skill) {
        validator.add(
          UserErrorCode.TOO_LONG,
          ['input', 'skills', String(index)],
          `a skill must be at most ${PERSON_LIMITS.skill} characters`,
        );
      }
    });
    if (skills.length > PERSON_LIMITS.skills) {
      validator.add(UserErrorCode.TOO_LONG, ['input', 'skills'], `at most ${PERSON_LIMITS.skills} skills`);
    }
    changes.skills = skills;
  }
  if (input.democraticParty !== undefined) {
    changes.democraticParty = input.democraticParty ?? null;
  }
  for (const [key, target] of [
    ['partyHomeOrganisationId', 'partyHomeOrganisation'],
    ['partyResidenceOrganisationId', 'partyResidenceOrganisation'],
  ] as const) {
    if (input[key] !== undefined) {
      const organisation = await partyOrganisation(ctx, validator, key, input[key] ?? null);
      if (organisation !== undefined) {
        changes[target] = organisation;
      }
    }
  }
  return changes;
}

/** A phone or email another (not erased) account uses. */
async function contactConflicts(ctx: Context, person: Person, changes: PersonChanges): Promise<UserError[]> {
  const errors: UserError[] = [];
  const others = { uuid: { $ne: person.uuid } };
  if (changes.phone && changes.phone !== person.phone && (await ctx.em.count(Person, { phone: changes.phone, ...others }))) {
    errors.push(userError(UserErrorCode.ALREADY_EXISTS, 'Another account uses this phone number', ['input', 'phone']));
  }
  if (
    changes.email &&
    changes.email !== person.email &&
    (await ctx.em.count(Person, { email: { $ilike: escapeLike(changes.email) }, ...others }))
  ) {
    errors.push(userError(UserErrorCode.ALREADY_EXISTS, 'Another account uses this email', ['input', 'email']));
  }
  return errors;
}

/** The fields an update changed, by name. */
function changedFields(person: Person, changes: PersonChanges): string[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  const key = (value: unknown) => (value && typeof value === 'object' && 'uuid' in value ? (value as { uuid: string }).uuid : value);
  return Object.entries(changes)
    .filter(([field, value]) => !same(key(person[field as keyof Person]), key(value)))
    .map(([field]) => field);
}

/** Edits a person's profile (the person themself, or the platform admin correcting it). */
export async function personUpdate(ctx: Context, id: string, input: PersonUpdateInput): Promise<Result<Person>> {
  const uuid = uuidOf(id, 'Person');
  const existing = uuid ? await ctx.em.findOne(Person, { uuid, deletedAt: null }) : null;
  if (!existing) {
    return fail(UserErrorCode.NOT_FOUND, 'No such person', ['id']);
  }
  const actor = await ctx.actor();
  if (!can(actor, 'person.update', await personFacts(ctx, existing))) {
    return fail(UserErrorCode.FORBIDDEN, "You may not edit this person's profile");
  }
  const validator = new Validator();
  const changes = await parseChanges(ctx, validator, input, existing);
  if (!validator.ok) {
    return failMany(validator.errors);
  }
  return ctx.em.transactional(async (tx) => {
    // The unique indexes would refuse a taken phone or email too, but as an internal error: lock and check first.
    await lockKeys(tx, [
      ...(changes.phone ? [`person.phone:${changes.phone}`] : []),
      ...(changes.email ? [`person.email:${changes.email}`] : []),
    ]);
    const person = await tx.findOneOrFail(Person, { uuid: existing.uuid }, { refresh: true });
    const conflicts = await contactConflicts({ ...ctx, em: tx }, person, changes);
    if (conflicts.length) {
      return failMany<Person>(conflicts);
    }
    const fields = changedFields(person, changes);
    const { residenceRegion, partyHomeOrganisation, partyResidenceOrganisation, ...values } = changes;
    Object.assign(person, values);
    if (residenceRegion !== undefined) {
      person.residenceRegion = residenceRegion && tx.getReference(Region, residenceRegion.uuid);
    }
    if (partyHomeOrganisation !== undefined) {
      person.partyHomeOrganisation = partyHomeOrganisation && tx.getReference(Organisation, partyHomeOrganisation.uuid);
    }
    if (partyResidenceOrganisation !== undefined) {
      person.partyResidenceOrganisation = partyResidenceOrganisation && tx.getReference(Organisation, partyResidenceOrganisation.uuid);
    }
    if (fields.length) {
      recordActivity(
        { ...ctx, em: tx },
        {
          action: 'person.updated',
          subjectType: 'Person',
          subjectUuid: person.uuid,
          // Names of fields only: the log is append-only, so personal values written here would outlive an erasure.
          after: { fields },
        },
      );
    }
    return ok(person);
  });
}
