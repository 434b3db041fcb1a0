/**
 * The bench queries, in Gongzhi's API and in PostGraphile's naming, and the canonical form of the Q1
 * page that the correctness gate compares across Gongzhi, the raw-SQL server and PostGraphile.
 */
import { fromGlobalId } from '@gongzhi/server/src/common/relay/global-id.js';

export const GONGZHI = {
  q1: `query Q1($region: ID!) { projects(first: 20, filter: { regionId: $region }) { nodes {
    id title status
    leadOrganisation { id name kind }
    partners { nodes { role status organisation { id name kind } } }
    needs { nodes { id kind quantity unit pledged accepted remaining
      pledges { nodes { id quantity status pledger { id name } } } } }
    deliverables { nodes { id title status owners { id name } } }
    progress { needsTotal needsCoverage pledgesProposed pledgesAccepted deliverablesTotal deliverablesAccepted partnersAccepted } } } }`,
  q2: `query Q2 { projects(first: 20) { nodes { id title status } } }`,
  q3: `query Q3($id: ID!) { project(id: $id) {
    id title status summary
    leadOrganisation { id name kind }
    partners { nodes { role status organisation { id name kind } } }
    needs { nodes { id kind quantity unit pledged accepted remaining
      pledges { nodes { id quantity status pledger { id name } } } } }
    deliverables { nodes { id title status owners { id name } } }
    progress { needsTotal needsCoverage pledgesProposed pledgesAccepted deliverablesTotal deliverablesAccepted partnersAccepted } } }`,
  q4: `query Q4($id: ID!) { organisation(id: $id) { id name
    pledges(first: 20) { nodes { id quantity status need { id kind quantity project { id title leadOrganisation { id name } } } } } } }`,
};

const PG_PROJECT = `rowId title status
    organisationByLeadOrganisationId { rowId name kind }
    projectPartnersByProjectId { nodes { role status organisationByOrganisationId { rowId name kind } } }
    needsByProjectId { nodes { rowId kind quantity unit pledged accepted remaining
      pledgesByNeedId { nodes { rowId quantity status organisationByOrganisationId { rowId name } } } } }
    deliverablesByProjectId { nodes { rowId title status deliverableOwnersByDeliverableId { nodes { organisationByOrganisationId { rowId name } } } } }
    progress { needsTotal needsCoverage pledgesProposed pledgesAccepted deliverablesTotal deliverablesAccepted partnersAccepted }`;

export const POSTGRAPHILE = {
  q1: `query Q1($region: UUID!) { townshipProjects(township: $region, first: 20) { nodes { ${PG_PROJECT} } } }`,
  q2: `query Q2 { allProjects(first: 20, orderBy: PRIMARY_KEY_DESC) { nodes { rowId title status } } }`,
  q3: `query Q3($id: UUID!) { projectByRowId(rowId: $id) { summary ${PG_PROJECT} } }`,
  q4: `query Q4($id: UUID!) { organisationByRowId(rowId: $id) { rowId name
    pledgesByOrganisationId(first: 20, orderBy: PRIMARY_KEY_DESC) { nodes { rowId quantity status
      needByNeedId { rowId kind quantity projectByProjectId { rowId title organisationByLeadOrganisationId { rowId name } } } } } } }`,
};

export type QueryName = keyof typeof GONGZHI;

/** One project of the Q1 page, every list sorted by id so that only content is compared. */
export interface CanonicalProject {
  id: string;
  title: string;
  status: string;
  lead: string;
  partners: string[];
  needs: string[];
  deliverables: string[];
  progress: string;
}

type Any = Record<string, any>;
const uuid = (id: string) => fromGlobalId(id)?.uuid ?? id;
const sorted = (items: string[]) => [...items].sort();
const progress = (p: Any) =>
  [
    p.needsTotal,
    p.needsCoverage,
    p.pledgesProposed,
    p.pledgesAccepted,
    p.deliverablesTotal,
    p.deliverablesAccepted,
    p.partnersAccepted,
  ].join('/');

export function canonicalGongzhi(data: Any): CanonicalProject[] {
  return data.projects.nodes.map((p: Any) => ({
    id: uuid(p.id),
    title: p.title,
    status: p.status,
    lead: `${uuid(p.leadOrganisation.id)} ${p.leadOrganisation.name} ${p.leadOrganisation.kind}`,
    partners: sorted(
      p.partners.nodes.map(
        (pp: Any) => `${uuid(pp.organisation.id)} ${pp.organisation.name} ${pp.organisation.kind} ${pp.role} ${pp.status}`,
      ),
    ),
    needs: sorted(
      p.needs.nodes.map(
        (n: Any) =>
          `${uuid(n.id)} ${n.kind} ${n.quantity} ${n.unit} ${n.pledged} ${n.accepted} ${n.remaining} [${sorted(
            n.pledges.nodes.map((pl: Any) => `${uuid(pl.id)} ${pl.quantity} ${pl.status} ${uuid(pl.pledger.id)} ${pl.pledger.name}`),
          ).join(';')}]`,
      ),
    ),
    deliverables: sorted(
      p.deliverables.nodes.map(
        (d: Any) => `${uuid(d.id)} ${d.title} ${d.status} [${sorted(d.owners.map((o: Any) => `${uuid(o.id)} ${o.name}`)).join(';')}]`,
      ),
    ),
    progress: progress(p.progress),
  }));
}

/** The raw-SQL server answers in Gongzhi's shape with plain uuids; PostGraphile in its own naming. */
export function canonicalPostgraphile(data: Any): CanonicalProject[] {
  return canonicalGongzhi({
    projects: {
      nodes: data.townshipProjects.nodes.map((p: Any) => ({
        id: p.rowId,
        title: p.title,
        status: p.status,
        leadOrganisation: { id: p.organisationByLeadOrganisationId.rowId, ...p.organisationByLeadOrganisationId },
        partners: {
          nodes: p.projectPartnersByProjectId.nodes.map((pp: Any) => ({
            ...pp,
            organisation: { id: pp.organisationByOrganisationId.rowId, ...pp.organisationByOrganisationId },
          })),
        },
        needs: {
          nodes: p.needsByProjectId.nodes.map((n: Any) => ({
            ...n,
            id: n.rowId,
            pledges: {
              nodes: n.pledgesByNeedId.nodes.map((pl: Any) => ({
                ...pl,
                id: pl.rowId,
                pledger: { id: pl.organisationByOrganisationId.rowId, name: pl.organisationByOrganisationId.name },
              })),
            },
          })),
        },
        deliverables: {
          nodes: p.deliverablesByProjectId.nodes.map((d: Any) => ({
            ...d,
            id: d.rowId,
            owners: d.deliverableOwnersByDeliverableId.nodes.map((o: Any) => ({
              id: o.organisationByOrganisationId.rowId,
              name: o.organisationByOrganisationId.name,
            })),
          })),
        },
        progress: p.progress,
      })),
    },
  });
}
