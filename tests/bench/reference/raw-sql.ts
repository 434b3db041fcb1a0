/**
 * The limit: the whole Q1 page (20 non-draft projects of a region subtree, newest first, each with lead,
 * partners → organisation, needs with derived amounts → pledges → pledger, deliverables → owners, and
 * progress) as one SQL statement that builds the JSON answer in PostgreSQL, in Gongzhi's shape.
 */
export const RAW_Q1_SQL = `
with page as (
  select p.* from project p
   where p.status <> 'DRAFT'
     and exists (select 1 from project_region pr join region r on r.id = pr.region_id join region within on within.id = $1
                  where pr.project_id = p.id and starts_with(r.path, within.path))
   order by p.created_at desc, p.id desc limit 20)
select json_build_object('projects', json_build_object('nodes', coalesce(json_agg(json_build_object(
  'id', p.id, 'title', p.title, 'status', p.status,
  'leadOrganisation', lead.json,
  'partners', json_build_object('nodes', partners.json),
  'needs', json_build_object('nodes', needs.json),
  'deliverables', json_build_object('nodes', deliverables.json),
  'progress', progress.json) order by p.created_at desc, p.id desc), '[]')))::text as body
  from page p
  cross join lateral (select json_build_object('id', o.id, 'name', o.name, 'kind', o.kind) as json from organisation o where o.id = p.lead_organisation_id) lead
  cross join lateral (
    select coalesce(json_agg(json_build_object('role', pp.role, 'status', pp.status,
             'organisation', json_build_object('id', o.id, 'name', o.name, 'kind', o.kind)) order by pp.created_at, pp.id), '[]') as json
      from project_partner pp join organisation o on o.id = pp.organisation_id where pp.project_id = p.id) partners
  cross join lateral (
    select coalesce(json_agg(json_build_object('id', n.id, 'kind', n.kind, 'quantity', n.quantity::text, 'unit', n.unit,
             'pledged', a.pledged::text, 'accepted', a.accepted::text, 'remaining', greatest(n.quantity - a.pledged, 0)::numeric(18, 2)::text,
             'pledges', json_build_object('nodes', pl.json)) order by n.created_at, n.id), '[]') as json
      from need n
      cross join lateral (
        select coalesce(sum(quantity) filter (where status in ('PROPOSED', 'ACCEPTED', 'FULFILLED')), 0)::numeric(18, 2) as pledged,
               coalesce(sum(quantity) filter (where status in ('ACCEPTED', 'FULFILLED')), 0)::numeric(18, 2) as accepted
          from pledge where need_id = n.id) a
      cross join lateral (
        select coalesce(json_agg(json_build_object('id', x.id, 'quantity', x.quantity::text, 'status', x.status,
                 'pledger', json_build_object('id', o.id, 'name', o.name)) order by x.created_at, x.id), '[]') as json
          from pledge x join organisation o on o.id = x.organisation_id where x.need_id = n.id) pl
     where n.project_id = p.id) needs
  cross join lateral (
    select coalesce(json_agg(json_build_object('id', d.id, 'title', d.title, 'status', d.status,
             'owners', (select coalesce(json_agg(json_build_object('id', o.id, 'name', o.name) order by dw.created_at, dw.id), '[]')
                          from deliverable_owner dw join organisation o on o.id = dw.organisation_id where dw.deliverable_id = d.id))
             order by d.due_on nulls last, d.created_at, d.id), '[]') as json
      from deliverable d where d.project_id = p.id) deliverables
  cross join lateral (
    select json_build_object(
      'needsTotal', (select count(*) from need where project_id = p.id),
      'needsCoverage', (select coalesce(round(avg(least(coalesce(a.quantity, 0) / n.quantity, 1)), 4), 0)::numeric(6, 4)::text
                          from need n left join lateral (select sum(quantity) as quantity from pledge
                                                          where need_id = n.id and status in ('ACCEPTED', 'FULFILLED')) a on true
                         where n.project_id = p.id),
      'pledgesProposed', (select count(*) from pledge where project_id = p.id and status = 'PROPOSED'),
      'pledgesAccepted', (select count(*) from pledge where project_id = p.id and status in ('ACCEPTED', 'FULFILLED')),
      'deliverablesTotal', (select count(*) from deliverable where project_id = p.id),
      'deliverablesAccepted', (select count(*) from deliverable where project_id = p.id and status = 'ACCEPTED'),
      'partnersAccepted', (select count(*) from project_partner where project_id = p.id and status = 'ACCEPTED')) as json) progress`;
