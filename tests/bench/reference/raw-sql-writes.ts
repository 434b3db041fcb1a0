/**
 * The limit for one write: Gongzhi's `pledgeCreate` (server/src/pledges/pledge.service.ts with
 * `projectInChange`, `lockNeed`, `wouldExceed`, `appendActivity`) with the same rules, written by hand
 * as one round trip to PostgreSQL:
 *
 *   begin;
 *   lock the need's project `for share` (a pledge must not slip into a project being cancelled);
 *   lock the need `for update` (concurrent pledges of one need queue here);
 *   one statement, with a snapshot taken after both locks were granted (READ COMMITTED: it sees every
 *     pledge committed by the transactions that held the need before): who the session is, whether they
 *     may see the project and are a member of the pledging organisation, whether it is verified, the
 *     project's status, whether the need is open, the live pledges + this one ≤ the need; then the
 *     pledge and its activity entry, inserted only when nothing refused, and the entry's live event
 *     (`pg_notify` on the project's timeline, delivered at the commit, as Gongzhi's `appendActivity` sends it);
 *   commit.
 *
 * The three statements are prepared once per connection (`RAW_PLEDGE_PREPARE`): planning the big one
 * on every request would cost PostgreSQL about as much CPU as running it. One round trip means one
 * simple-protocol query string of `execute`s, so their arguments are SQL literals: ids are uuids checked
 * by `fromGlobalId`, the quantity is checked digits, the token hash is hex, and every value still goes
 * through `pg.escapeLiteral`.
 */
import pg from 'pg';

/** Statements in the round trip (begin, two locks, the check-and-insert, commit), like Gongzhi's SQL/req. */
export const RAW_PLEDGE_STATEMENTS = 5;

/** Run once on each new connection of the pool. */
export const RAW_PLEDGE_PREPARE = [
  `prepare lock_project(uuid) as select 1 from project where id = (select project_id from need where id = $1) for share`,
  `prepare lock_need(uuid) as select 1 from need where id = $1 for update`,
  `prepare pledge_create(text, uuid, uuid, boolean, numeric, text) as
with caller as (
  select s.person_id from session s join person p on p.id = s.person_id
   where s.token_hash = $1 and s.expires_at > now() and p.deleted_at is null),
target as (
  select n.id as need_id, n.quantity as need_quantity, n.allow_oversubscription, n.closed_at, n.deadline,
         j.id as project_id, j.status, j.lead_organisation_id
    from need n join project j on j.id = n.project_id where n.id = $2),
pledger as (select o.id, o.verification_status from organisation o where o.id = $3),
facts as (
  select c.person_id, t.*, o.id as organisation_id, o.verification_status,
         exists (select 1 from membership m where m.person_id = c.person_id and m.organisation_id = o.id) as member,
         -- project.read: public unless a draft; a draft only for members of its lead or of an invited or accepted partner
         (t.status <> 'DRAFT' or exists (
           select 1 from membership m where m.person_id = c.person_id and (m.organisation_id = t.lead_organisation_id or m.organisation_id in (
             select pp.organisation_id from project_partner pp where pp.project_id = t.project_id and pp.status in ('ACCEPTED', 'INVITED'))))) as readable
    from (select 1) one left join caller c on true left join target t on true left join pledger o on true),
verdict as (
  select f.*, case
    when f.person_id is null then 'UNAUTHENTICATED'
    when f.project_id is null or not f.readable then 'NEED_NOT_FOUND'
    when f.organisation_id is null then 'ORGANISATION_NOT_FOUND'
    when not f.member then 'FORBIDDEN'
    when f.verification_status <> 'VERIFIED' then 'ORGANISATION_NOT_VERIFIED'
    when f.status not in ('RECRUITING', 'ACTIVE') then 'INVALID_STATE_TRANSITION'
    when $4 then 'INVALID'
    when f.closed_at is not null or f.deadline < (now() at time zone 'Asia/Shanghai')::date then 'NEED_CLOSED'
    when not f.allow_oversubscription and (
      select coalesce(sum(p.quantity), 0) from pledge p where p.need_id = f.need_id and p.status in ('PROPOSED', 'ACCEPTED', 'FULFILLED')
    ) + $5 > f.need_quantity then 'PLEDGE_EXCEEDS_NEED'
  end as refusal
    from facts f),
new_pledge as (
  insert into pledge (id, created_at, need_id, project_id, organisation_id, quantity, note, created_by_id)
  select uuidv7(), now(), need_id, project_id, organisation_id, $5, $6, person_id
    from verdict where refusal is null
  returning id, project_id, organisation_id, quantity, note, status, created_by_id),
new_entry as (
  insert into activity_entry (id, created_at, actor_id, on_behalf_of_id, action, subject_type, subject_uuid, project_uuid, after)
  select uuidv7(), now(), created_by_id, organisation_id, 'pledge.created', 'Pledge', id, project_id,
         jsonb_build_object('quantity', quantity::text, 'status', status, 'note', note, 'responseNote', null)
    from new_pledge
  returning id, project_uuid),
-- A select CTE runs only when read: \`notified\` below reads it, or no event would be sent.
sent as (
  select pg_notify('projectActivity:' || project_uuid, json_build_object('id', id)::text) from new_entry)
select v.refusal, p.id as pledge_id, p.quantity::text as quantity, p.status, e.id as entry_id, e.project_uuid as project_id,
       (select count(*) from sent) as notified
  from verdict v left join new_pledge p on true left join new_entry e on true`,
];

export interface RawPledgeCreate {
  /** SHA-256 (hex) of the session cookie's token, as the `session` table stores it. */
  tokenHash: string;
  needUuid: string | undefined;
  organisationUuid: string | undefined;
  /** The quantity as numeric(18,2) prints it, or undefined when the input failed validation. */
  quantity: string | undefined;
  note: string | null;
  /** The input failed validation (answered after NOT_FOUND, FORBIDDEN… as Gongzhi orders its checks). */
  invalid: boolean;
}

/** Why the rules refused, in the order `pledgeCreate` checks them; null when the pledge was made. */
export type RawRefusal =
  | 'UNAUTHENTICATED'
  | 'NEED_NOT_FOUND'
  | 'ORGANISATION_NOT_FOUND'
  | 'FORBIDDEN'
  | 'ORGANISATION_NOT_VERIFIED'
  | 'INVALID_STATE_TRANSITION'
  | 'INVALID'
  | 'NEED_CLOSED'
  | 'PLEDGE_EXCEEDS_NEED';

/** The row of the last statement but one (the check-and-insert). */
export interface RawPledgeRow {
  refusal: RawRefusal | null;
  pledge_id: string | null;
  quantity: string | null;
  status: string | null;
  entry_id: string | null;
  project_id: string | null;
}

const literal = (value: string | null | undefined) => (value === null || value === undefined ? 'null' : pg.escapeLiteral(value));

/** The whole transaction as one query string; its fourth result holds the `RawPledgeRow`. */
export function rawPledgeCreateSql(input: RawPledgeCreate): string {
  const need = literal(input.needUuid);
  const args = [
    literal(input.tokenHash),
    need,
    literal(input.organisationUuid),
    String(input.invalid),
    literal(input.quantity),
    literal(input.note),
  ];
  return `begin; execute lock_project(${need}); execute lock_need(${need}); execute pledge_create(${args.join(', ')}); commit`;
}
