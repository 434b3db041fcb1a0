import type { EntityManager } from '@mikro-orm/postgresql';
import { recordActivity } from '../activity/activity.service.js';
import type { Context } from '../app/context.js';
import { findByIdentifier } from '../auth/auth.service.js';
import { fail, ok, type Result } from '../common/errors/result.js';
import { UserErrorCode } from '../common/errors/user-error-code.js';
import { toGlobalId, uuidOf } from '../common/relay/global-id.js';
import { normaliseEmail, normaliseMobile } from '../common/validation/contact.js';
import type { Organisation } from '../organisations/organisation.entity.js';
import { actingFor, organisationFacts } from '../organisations/organisation.facts.js';
import { can } from '../policy/policy.js';
import { Membership } from './membership.entity.js';
import { MembershipRole } from './membership.enums.js';
import type { MembershipAddInput, MembershipUpdateInput } from './membership.inputs.js';

/**
 * Serialises membership changes of one organisation (row lock on the organisation), so two admins
 * demoting each other at the same moment cannot both pass the last-admin check.
 */
export async function lockOrganisation(tx: EntityManager, organisationUuid: string): Promise<void> {
  await tx
    .getConnection()
    .execute('select 1 from organisation where id = ? for update', [organisationUuid], 'all', tx.getTransactionContext());
}

/**
 * Whether changing `membership` would leave an organisation that still has members without an ADMIN.
 * `change` says whether the member stays (demoted) or leaves. An organisation whose last member leaves
 * has no one to administer; a region administrator above it can appoint a new ADMIN.
 */
export async function leavesWithoutAdmin(tx: EntityManager, membership: Membership, change: 'demote' | 'leave'): Promise<boolean> {
  if (membership.role !== MembershipRole.ADMIN) {
    return false;
  }
  const [counts] = await tx
    .getConnection()
    .execute<{ admins: number; members: number }[]>(
      `select count(*) filter (where role = 'ADMIN')::int as admins, count(*)::int as members from membership where organisation_id = ?`,
      [membership.organisation.uuid],
      'all',
      tx.getTransactionContext(),
    );
  const remainingMembers = counts!.members - (change === 'leave' ? 1 : 0);
  return counts!.admins <= 1 && remainingMembers > 0;
}

/** Forgets what this request cached about a membership change, so the payload shows the new state. */
function forgetCached(ctx: Context, membership: Membership): void {
  ctx.loaders.memberships.byOrganisation.clear(membership.organisation.uuid);
  ctx.loaders.memberships.byPerson.clear(membership.person.uuid);
  ctx.loaders.organisations.memberCount.clear(membership.organisation.uuid);
  if (membership.person.uuid === ctx.auth?.personUuid) {
    ctx.reloadActor();
  }
}

async function loadMembership(ctx: Context, id: string): Promise<{ membership: Membership; organisation: Organisation } | undefined> {
  const uuid = uuidOf(id, 'Membership');
  const membership = uuid ? await ctx.em.findOne(Membership, { uuid }) : null;
  const organisation = membership && (await ctx.loaders.organisations.byUuid.load(membership.organisation.uuid));
  return membership && organisation ? { membership, organisation } : undefined;
}

/** Adds an existing account to an organisation, found by its mobile number or email. */
export async function membershipAdd(ctx: Context, input: MembershipAddInput): Promise<Result<Membership>> {
  const organisationUuid = uuidOf(input.organisationId, 'Organisation');
  const organisation = organisationUuid && (await ctx.loaders.organisations.byUuid.load(organisationUuid));
  if (!organisation) {
    return fail(UserErrorCode.NOT_FOUND, 'No such organisation', ['input', 'organisationId']);
  }
  const actor = await ctx.actor();
  // Authorisation comes before the account lookup, so only those who manage members learn whether an account exists.
  if (!can(actor, 'membership.manage', await organisationFacts(ctx, organisation))) {
    return fail(UserErrorCode.FORBIDDEN, "You may not manage this organisation's members");
  }
  const identifier = input.identifier.trim();
  if (!normaliseMobile(identifier) && !normaliseEmail(identifier)) {
    return fail(UserErrorCode.INVALID, 'identifier must be a mobile number or an email', ['input', 'identifier']);
  }
  const person = await findByIdentifier(ctx, identifier);
  if (!person) {
    return fail(UserErrorCode.NOT_FOUND, 'No account has this mobile number or email', ['input', 'identifier']);
  }
  const result = await ctx.em.transactional(async (tx) => {
    await lockOrganisation(tx, organisation.uuid);
    if (await tx.count(Membership, { person: person.uuid, organisation: organisation.uuid })) {
      return fail<Membership>(UserErrorCode.ALREADY_EXISTS, 'This person is already a member', ['input', 'identifier']);
    }
    const membership = tx.create(Membership, {
      person: person.uuid,
      organisation: organisation.uuid,
      role: input.role,
      createdAt: ctx.clock.now(),
    });
    recordActivity(
      { ...ctx, em: tx },
      {
        action: 'membership.added',
        subjectType: 'Membership',
        subjectUuid: membership.uuid,
        onBehalfOfUuid: actingFor(actor, organisation.uuid),
        after: { personId: toGlobalId('Person', person.uuid), role: input.role },
      },
    );
    return ok(membership);
  });
  if (result.ok) {
    forgetCached(ctx, result.value);
  }
  return result;
}

/** Gives a member another role; the last ADMIN of an organisation with members cannot step down. */
export async function membershipUpdate(ctx: Context, id: string, input: MembershipUpdateInput): Promise<Result<Membership>> {
  const found = await loadMembership(ctx, id);
  if (!found) {
    return fail(UserErrorCode.NOT_FOUND, 'No such membership', ['id']);
  }
  const actor = await ctx.actor();
  if (!can(actor, 'membership.manage', await organisationFacts(ctx, found.organisation))) {
    return fail(UserErrorCode.FORBIDDEN, "You may not manage this organisation's members");
  }
  const result = await ctx.em.transactional(async (tx) => {
    await lockOrganisation(tx, found.organisation.uuid);
    const membership = await tx.findOne(Membership, { uuid: found.membership.uuid }, { refresh: true });
    if (!membership) {
      return fail<Membership>(UserErrorCode.NOT_FOUND, 'No such membership', ['id']);
    }
    const previous = membership.role;
    if (previous === input.role) {
      return ok(membership);
    }
    if (input.role !== MembershipRole.ADMIN && (await leavesWithoutAdmin(tx, membership, 'demote'))) {
      return fail<Membership>(UserErrorCode.LAST_ADMIN, 'The organisation would have no ADMIN left; appoint another first', [
        'input',
        'role',
      ]);
    }
    membership.role = input.role;
    recordActivity(
      { ...ctx, em: tx },
      {
        action: 'membership.updated',
        subjectType: 'Membership',
        subjectUuid: membership.uuid,
        onBehalfOfUuid: actingFor(actor, found.organisation.uuid),
        before: { role: previous },
        after: { role: input.role },
      },
    );
    return ok(membership);
  });
  if (result.ok) {
    forgetCached(ctx, result.value);
  }
  return result;
}

export interface RemovedMembership {
  membership: Membership;
  organisation: Organisation;
}

/** Removes a member, or lets a member leave; the last ADMIN cannot leave members behind without one. */
export async function membershipRemove(ctx: Context, id: string): Promise<Result<RemovedMembership>> {
  const found = await loadMembership(ctx, id);
  if (!found) {
    return fail(UserErrorCode.NOT_FOUND, 'No such membership', ['id']);
  }
  const actor = await ctx.actor();
  const facts = { personUuid: found.membership.person.uuid, organisation: await organisationFacts(ctx, found.organisation) };
  if (!can(actor, 'membership.remove', facts)) {
    return fail(UserErrorCode.FORBIDDEN, "You may not manage this organisation's members");
  }
  const leaving = facts.personUuid === actor!.personUuid;
  const result = await ctx.em.transactional(async (tx) => {
    await lockOrganisation(tx, found.organisation.uuid);
    const membership = await tx.findOne(Membership, { uuid: found.membership.uuid }, { refresh: true });
    if (!membership) {
      return fail<RemovedMembership>(UserErrorCode.NOT_FOUND, 'No such membership', ['id']);
    }
    if (await leavesWithoutAdmin(tx, membership, 'leave')) {
      return fail<RemovedMembership>(UserErrorCode.LAST_ADMIN, 'The organisation would have no ADMIN left; appoint another first', ['id']);
    }
    tx.remove(membership);
    recordActivity(
      { ...ctx, em: tx },
      {
        action: 'membership.removed',
        subjectType: 'Membership',
        subjectUuid: membership.uuid,
        // Someone leaving acts for themself; an ADMIN removing a member acts for the organisation.
        onBehalfOfUuid: leaving ? null : actingFor(actor, found.organisation.uuid),
        before: { personId: toGlobalId('Person', membership.person.uuid), role: membership.role },
      },
    );
    return ok({ membership, organisation: found.organisation });
  });
  if (result.ok) {
    forgetCached(ctx, result.value.membership);
  }
  return result;
}
