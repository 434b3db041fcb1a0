import type pg from 'pg';
import { DATASET_EPOCH } from './dataset.js';

/**
 * The service-hours ledger of the data set: what coordinators would have confirmed after each shift.
 * Every COMPLETED sign-up gets a CREDIT of the shift's length; about one in twenty a later CORRECTION
 * of −0.50 h (left early), as the ledger is append-only. Written in SQL from the sign-ups already
 * there, with ids derived from the sign-up's id and no draw from the seeded generator, so the rest of
 * the data set stays as it was, a data set generated before the ledger existed can be topped up to the
 * same rows (`ensureDataset`), and running it twice adds nothing. Returns the ledger's row count.
 */
export async function creditServiceHours(client: pg.ClientBase): Promise<number> {
  const epoch = new Date(DATASET_EPOCH).toISOString();
  await client.query(
    `insert into service_hours_entry (id, created_at, person_id, sign_up_id, shift_id, organisation_id, hours, kind)
     select md5('bench-hours:' || u.id)::uuid, least(s.ends_at + interval '2 hours', $1::timestamptz), u.person_id, u.id, s.id,
            a.organisation_id, round(extract(epoch from s.ends_at - s.starts_at) / 3600, 2), 'CREDIT'
       from shift_sign_up u join shift s on s.id = u.shift_id join volunteer_activity a on a.id = s.activity_id
      where u.status = 'COMPLETED'
     on conflict (id) do nothing`,
    [epoch],
  );
  await client.query(
    `insert into service_hours_entry (id, created_at, person_id, sign_up_id, shift_id, organisation_id, hours, kind, reason, corrects_id)
     select md5('bench-correction:' || u.id)::uuid, least(s.ends_at + interval '1 day', $1::timestamptz), u.person_id, u.id, s.id,
            a.organisation_id, -0.50, 'CORRECTION', '提前离开，更正时长', md5('bench-hours:' || u.id)::uuid
       from shift_sign_up u join shift s on s.id = u.shift_id join volunteer_activity a on a.id = s.activity_id
      where u.status = 'COMPLETED' and get_byte(decode(md5('bench-correction:' || u.id), 'hex'), 0) < 13
     on conflict (id) do nothing`,
    [epoch],
  );
  await client.query('analyze service_hours_entry');
  const { rows } = await client.query('select count(*)::int as count from service_hours_entry');
  return rows[0].count;
}
