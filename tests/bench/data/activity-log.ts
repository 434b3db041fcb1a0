import type pg from 'pg';

/** A Relay global id (`toGlobalId`) in SQL: base64url of `Type:uuid`, unpadded (short enough to need no line breaks). */
const globalId = (type: string, column: string) =>
  `translate(rtrim(encode(convert_to('${type}:' || ${column}, 'UTF8'), 'base64'), '='), '+/', '-_')`;

/** The first member of an organisation (its admin before its coordinator): who acted for it. */
const memberOf = (organisation: string) =>
  `(select m.person_id from membership m where m.organisation_id = ${organisation} order by m.role, m.id limit 1)`;

/**
 * The activity log of the data set: the entries the changes that made its rows would have written
 * (one per change, as the application records them): each project's creation, each pledge's creation
 * and the project's answer to it, and each volunteer's sign-up — 84,283 entries at scale 1.
 * Without it the benchmarked writes start an empty log, and PostgreSQL re-analyses a table that small
 * every couple of thousand inserts, in the middle of the measurements; a district that has used
 * Gongzhi for a year has a log of this size. Written in SQL from the rows already there, with ids
 * derived from the subject's, like the service-hours ledger (`creditServiceHours`): a data set
 * generated before the log existed is topped up to the same rows, and running it twice adds nothing.
 * Returns the log's row count.
 */
export async function writeActivityLog(client: pg.ClientBase): Promise<number> {
  const insert = (select: string) =>
    client.query(
      `insert into activity_entry (id, created_at, actor_id, on_behalf_of_id, action, subject_type, subject_uuid, project_uuid, before, after)
       ${select}
       on conflict (id) do nothing`,
    );
  await insert(
    `select md5('project.created:' || p.id)::uuid, p.created_at, ${memberOf('p.lead_organisation_id')}, p.lead_organisation_id,
            'project.created', 'Project', p.id, p.id, null,
            jsonb_build_object('title', p.title, 'summary', p.summary, 'category', p.category, 'status', 'DRAFT',
                               'startDate', p.start_date, 'endDate', p.end_date)
       from project p`,
  );
  await insert(
    `select md5('pledge.created:' || g.id)::uuid, g.created_at, ${memberOf('g.organisation_id')}, g.organisation_id,
            'pledge.created', 'Pledge', g.id, g.project_id, null,
            jsonb_build_object('quantity', g.quantity::text, 'status', 'PROPOSED', 'note', g.note, 'responseNote', null)
       from pledge g`,
  );
  await insert(
    `select md5('pledge.answered:' || g.id)::uuid, g.responded_at, ${memberOf('p.lead_organisation_id')}, p.lead_organisation_id,
            case when g.status = 'DECLINED' then 'pledge.declined' else 'pledge.accepted' end, 'Pledge', g.id, g.project_id,
            jsonb_build_object('quantity', g.quantity::text, 'status', 'PROPOSED', 'note', g.note, 'responseNote', null),
            jsonb_build_object('quantity', g.quantity::text, 'status', case when g.status = 'DECLINED' then 'DECLINED' else 'ACCEPTED' end,
                               'note', g.note, 'responseNote', g.response_note)
       from pledge g join project p on p.id = g.project_id
      where g.responded_at is not null`,
  );
  await insert(
    `select md5('shiftSignUp.created:' || u.id)::uuid, u.created_at, u.person_id, null,
            'shiftSignUp.created', 'ShiftSignUp', u.id, a.project_id, null,
            jsonb_build_object('shiftId', ${globalId('Shift', 'u.shift_id')}, 'personId', ${globalId('Person', 'u.person_id')}, 'status', 'CONFIRMED')
       from shift_sign_up u join shift s on s.id = u.shift_id join volunteer_activity a on a.id = s.activity_id`,
  );
  await client.query('analyze activity_entry');
  const { rows } = await client.query('select count(*)::int as count from activity_entry');
  return rows[0].count;
}
