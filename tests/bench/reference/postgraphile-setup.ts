import type pg from 'pg';

/**
 * What PostGraphile needs to answer the bench queries in its own idiom, added to the bench database
 * only: a setof function for "non-draft projects of a region subtree, newest first" (PostGraphile has
 * no filter over a materialised path), and computed columns for the derived need amounts and project
 * progress, with the same SQL as Gongzhi's loaders, so both sides sum the same ledger.
 */
export const POSTGRAPHILE_SETUP_SQL = `
create or replace function township_projects(township uuid) returns setof project language sql stable as $$
  select p.* from project p
   where p.status <> 'DRAFT'
     and exists (select 1 from project_region pr join region r on r.id = pr.region_id join region within on within.id = township
                  where pr.project_id = p.id and starts_with(r.path, within.path))
   order by p.created_at desc, p.id desc $$;
create or replace function need_pledged(n need) returns numeric language sql stable as $$
  select coalesce(sum(quantity) filter (where status in ('PROPOSED', 'ACCEPTED', 'FULFILLED')), 0)::numeric(18, 2) from pledge where need_id = n.id $$;
create or replace function need_accepted(n need) returns numeric language sql stable as $$
  select coalesce(sum(quantity) filter (where status in ('ACCEPTED', 'FULFILLED')), 0)::numeric(18, 2) from pledge where need_id = n.id $$;
create or replace function need_remaining(n need) returns numeric language sql stable as $$
  select greatest(n.quantity - coalesce(sum(quantity) filter (where status in ('PROPOSED', 'ACCEPTED', 'FULFILLED')), 0), 0)::numeric(18, 2)
    from pledge where need_id = n.id $$;
do $$ begin
  create type bench_progress as (needs_total int, needs_coverage text, pledges_proposed int, pledges_accepted int,
                                 deliverables_total int, deliverables_accepted int, partners_accepted int);
exception when duplicate_object then null; end $$;
create or replace function project_progress(p project) returns bench_progress language sql stable as $$
  select (select count(*)::int from need where project_id = p.id),
         (select coalesce(round(avg(least(coalesce(a.quantity, 0) / n.quantity, 1)), 4), 0)::numeric(6, 4)::text
            from need n left join lateral (select sum(quantity) as quantity from pledge
                                            where need_id = n.id and status in ('ACCEPTED', 'FULFILLED')) a on true
           where n.project_id = p.id),
         (select count(*)::int from pledge where project_id = p.id and status = 'PROPOSED'),
         (select count(*)::int from pledge where project_id = p.id and status in ('ACCEPTED', 'FULFILLED')),
         (select count(*)::int from deliverable where project_id = p.id),
         (select count(*)::int from deliverable where project_id = p.id and status = 'ACCEPTED'),
         (select count(*)::int from project_partner where project_id = p.id and status = 'ACCEPTED')
$$;`;

export async function preparePostgraphile(client: pg.ClientBase): Promise<void> {
  await client.query(POSTGRAPHILE_SETUP_SQL);
}
