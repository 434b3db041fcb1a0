import type { EntityManager } from '@mikro-orm/postgresql';
import { ActivityEntry } from '../activity/activity-entry.entity.js';
import { recordActivity } from '../activity/activity.service.js';
import type { Context } from '../app/context.js';
import { ApiToken } from '../auth/api-token.entity.js';
import { confirmViewerPassword } from '../auth/auth.service.js';
import { accountKeysOf } from '../auth/rate-limit.js';
import { Session } from '../auth/session.entity.js';
import { SESSION_COOKIE } from '../auth/tokens.js';
import { fail, ok, type Result } from '../common/errors/result.js';
import { UserErrorCode } from '../common/errors/user-error-code.js';
import { toGlobalId } from '../common/relay/global-id.js';
import { Membership } from '../memberships/membership.entity.js';
import { MembershipRole } from '../memberships/membership.enums.js';
import { leavesWithoutAdmin, lockOrganisation } from '../memberships/membership.service.js';
import { RegionRole } from '../memberships/region-role.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Person } from '../people/person.entity.js';
import type { Region } from '../regions/region.entity.js';
import { eraseDemandContacts } from '../demands/demand-erasure.js';

/** The name an erased account shows wherever history still mentions it. */
export const ERASED_NAME = '已注销用户';

interface DemandExportRow {
  id: string;
  category: string;
  description: string;
  place: string | null;
  contact_name: string;
  contact_phone: string | null;
  contact_address: string | null;
  status: string;
  created_at: Date;
}

export interface DataExport {
  fileName: string;
  json: string;
}

const ref = (type: string, entity: { uuid: string; name: string } | null | undefined) =>
  entity ? { id: toGlobalId(type, entity.uuid), name: entity.name } : null;

/** A calendar day in China, for the file name. */
function shanghaiDay(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** The wrong passwords counted against the person's account (sign-ins with their phone or email, and re-confirmations). */
async function failedPasswordsOf(em: EntityManager, person: Person): Promise<{ key: string; at: string }[]> {
  const keys = accountKeysOf(person);
  const rows = await em
    .getConnection()
    .execute<{ key: string; at: Date }[]>(
      `select key, at from sign_in_attempt where key in (${keys.map(() => '?').join(', ')}) order by at`,
      keys,
    );
  return rows.map((row) => ({ key: row.key, at: new Date(row.at).toISOString() }));
}

/**
 * Everything held about the viewer (PIPL's right of access and portability), unmasked, as one JSON
 * document. Only their own records: other people appear at most as opaque ids in their activity.
 */
export async function viewerDataExport(ctx: Context): Promise<Result<DataExport>> {
  const personUuid = ctx.auth!.personUuid;
  const person = await ctx.em.findOneOrFail(
    Person,
    { uuid: personUuid },
    { populate: ['residenceRegion', 'partyHomeOrganisation', 'partyResidenceOrganisation'] },
  );
  const [memberships, regionRoles, apiTokens, sessions, activity, failedPasswords, demands] = await Promise.all([
    ctx.em.find(Membership, { person: personUuid }, { populate: ['organisation'], orderBy: { createdAt: 'asc' } }),
    ctx.em.find(RegionRole, { person: personUuid }, { populate: ['region'], orderBy: { createdAt: 'asc' } }),
    ctx.em.find(ApiToken, { person: personUuid }, { orderBy: { createdAt: 'asc' } }),
    ctx.em.find(Session, { person: personUuid }, { orderBy: { createdAt: 'asc' } }),
    ctx.em.find(ActivityEntry, { actor: personUuid }, { populate: ['onBehalfOf'], orderBy: { createdAt: 'asc', uuid: 'asc' } }),
    failedPasswordsOf(ctx.em, person),
    // The demands the person submitted as a resident, with the contact data copied onto them.
    ctx.em.getConnection().execute<DemandExportRow[]>(
      `select id, category, description, place, contact_name, contact_phone, contact_address, status, created_at
         from demand_ticket where resident_id = ? order by created_at, id`,
      [personUuid],
    ),
  ]);
  const now = ctx.clock.now();
  const document = {
    format: 'gongzhi.personal-data.v1',
    exportedAt: now.toISOString(),
    person: {
      id: person.id,
      name: person.name,
      phone: person.phone ?? null,
      email: person.email ?? null,
      address: person.address ?? null,
      residenceRegion: ref('Region', person.residenceRegion as Region | null | undefined),
      tags: person.tags,
      skills: person.skills,
      democraticParty: person.democraticParty ?? null,
      partyHomeOrganisation: ref('Organisation', person.partyHomeOrganisation as Organisation | null | undefined),
      partyResidenceOrganisation: ref('Organisation', person.partyResidenceOrganisation as Organisation | null | undefined),
      createdAt: person.createdAt.toISOString(),
    },
    memberships: memberships.map((membership) => ({
      id: membership.id,
      role: membership.role,
      organisation: ref('Organisation', membership.organisation),
      createdAt: membership.createdAt.toISOString(),
    })),
    regionRoles: regionRoles.map((role) => ({
      id: role.id,
      role: role.role,
      region: ref('Region', role.region as Region | null | undefined),
      createdAt: role.createdAt.toISOString(),
    })),
    apiTokens: apiTokens.map((token) => ({
      id: token.id,
      name: token.name,
      createdAt: token.createdAt.toISOString(),
      lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
      revokedAt: token.revokedAt?.toISOString() ?? null,
    })),
    sessions: sessions.map((session) => ({
      createdAt: session.createdAt.toISOString(),
      lastSeenAt: session.lastSeenAt.toISOString(),
      expiresAt: session.expiresAt.toISOString(),
    })),
    // Wrong passwords: at sign-in with the person's phone or email, and when re-confirming theirs signed in.
    failedSignIns: failedPasswords.filter((attempt) => attempt.key.startsWith('account:')).map((attempt) => attempt.at),
    failedConfirmations: failedPasswords.filter((attempt) => attempt.key.startsWith('person:')).map((attempt) => attempt.at),
    demands: demands.map((demand) => ({
      id: toGlobalId('DemandTicket', demand.id),
      category: demand.category,
      description: demand.description,
      place: demand.place,
      contactName: demand.contact_name,
      contactPhone: demand.contact_phone,
      contactAddress: demand.contact_address,
      status: demand.status,
      createdAt: new Date(demand.created_at).toISOString(),
    })),
    activity: activity.map((entry) => ({
      id: entry.id,
      action: entry.action,
      subject: { type: entry.subjectType, id: toGlobalId(entry.subjectType, entry.subjectUuid) },
      onBehalfOf: ref('Organisation', entry.onBehalfOf as Organisation | null | undefined),
      before: entry.before ?? null,
      after: entry.after ?? null,
      createdAt: entry.createdAt.toISOString(),
    })),
  };
  return ok({ fileName: `gongzhi-personal-data-${shanghaiDay(now)}.json`, json: JSON.stringify(document, null, 2) });
}

/**
 * Deletes the viewer's account (PIPL's right to erasure). The person row stays, anonymised, so the
 * append-only activity log and the records of others (projects, pledges) stay consistent; everything
 * personal is erased and every way of signing in is gone.
 */
export async function viewerDelete(ctx: Context, input: { password: string }): Promise<Result<true>> {
  const personUuid = ctx.auth!.personUuid;
  const person = await ctx.em.findOneOrFail(Person, { uuid: personUuid });
  const confirmed = await confirmViewerPassword(ctx, person, input.password, ['input', 'password']);
  if (!confirmed.ok) {
    return confirmed;
  }
  const result = await ctx.em.transactional(async (tx) => {
    if (await isLastPlatformAdmin(tx, personUuid)) {
      return fail<true>(UserErrorCode.LAST_ADMIN, 'You are the last platform administrator; appoint another one first');
    }
    const memberships = await tx.find(Membership, { person: personUuid }, { orderBy: { organisation: 'asc' } });
    for (const membership of memberships.filter((item) => item.role === MembershipRole.ADMIN)) {
      await lockOrganisation(tx, membership.organisation.uuid);
      if (await leavesWithoutAdmin(tx, membership, 'leave')) {
        const organisation = await tx.findOneOrFail(Organisation, { uuid: membership.organisation.uuid });
        return fail<true>(
          UserErrorCode.LAST_ADMIN,
          `You are the last ADMIN of ${organisation.name}, which has other members; appoint another ADMIN first`,
        );
      }
    }
    const attemptKeys = accountKeysOf(person);
    await tx.nativeDelete(Session, { person: personUuid });
    await tx.nativeDelete(ApiToken, { person: personUuid });
    await tx.nativeDelete(Membership, { person: personUuid });
    await tx.nativeDelete(RegionRole, { person: personUuid });
    await eraseDemandContacts(tx, personUuid, ERASED_NAME);
    // Wrong passwords are counted against the typed phone or email and the person: personal data too.
    await tx
      .getConnection()
      .execute(
        `delete from sign_in_attempt where key in (${attemptKeys.map(() => '?').join(', ')})`,
        attemptKeys,
        'run',
        tx.getTransactionContext(),
      );
    Object.assign(person, {
      name: ERASED_NAME,
      phone: null,
      email: null,
      address: null,
      passwordHash: null,
      residenceRegion: null,
      tags: [],
      skills: [],
      democraticParty: null,
      partyHomeOrganisation: null,
      partyResidenceOrganisation: null,
      deletedAt: ctx.clock.now(),
    });
    recordActivity({ ...ctx, em: tx }, { action: 'person.deleted', subjectType: 'Person', subjectUuid: personUuid });
    return ok<true>(true);
  });
  if (result.ok) {
    ctx.cookies?.clear(SESSION_COOKIE);
    ctx.auth = undefined;
    ctx.reloadActor();
    ctx.loaders.people.byUuid.clear(personUuid);
    ctx.loaders.memberships.byPerson.clear(personUuid);
  }
  return result;
}

/**
 * The platform must keep an administrator: whoever is the last one cannot delete their account. The
 * advisory lock makes two last admins deleting at once take turns, so one of them is refused.
 */
async function isLastPlatformAdmin(em: EntityManager, personUuid: string): Promise<boolean> {
  const connection = em.getConnection();
  const context = em.getTransactionContext();
  await connection.execute("select pg_advisory_xact_lock(hashtext('gongzhi.platform-admins'))", [], 'all', context);
  const [row] = await connection.execute<{ mine: boolean; others: boolean }[]>(
    `select exists(select 1 from region_role where role = 'PLATFORM_ADMIN' and person_id = ?) as mine,
            exists(select 1 from region_role where role = 'PLATFORM_ADMIN' and person_id <> ?) as others`,
    [personUuid, personUuid],
    'all',
    context,
  );
  return !!row?.mine && !row.others;
}
