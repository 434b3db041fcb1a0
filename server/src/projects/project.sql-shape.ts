import { baseFields, column, defineSqlShape, reference, type FieldSql } from '../common/lookahead/sql-shape.js';
import { ProjectPartnerRole } from '../partners/project-partner.enums.js';
import { OVERDUE_SQL, PROGRESS_SQL } from './project-progress.sql.js';
import { Project } from './project.entity.js';

const ROLE_ORDER = `array[${Object.values(ProjectPartnerRole)
  .map((role) => `'${role}'`)
  .join(', ')}]`;

// A project and its page (lead, partners, needs, deliverables, progress), as read by the look-ahead
// compiler (see `common/lookahead`); the orders are the resolvers' own.
defineSqlShape('Project', {
  entity: Project,
  fields: {
    ...baseFields('Project'),
    title: column('title'),
    summary: column('summary'),
    category: column('category'),
    status: column('status'),
    statusReason: column('status_reason'),
    startDate: column('start_date'),
    endDate: column('end_date'),
    // The lead holds the project's CORE place: the same organisation either way.
    leadOrganisation: reference('Organisation', 'organisation', 'lead_organisation_id'),
    partners: {
      kind: 'connection',
      type: 'ProjectPartner',
      from: (target) => `project_partner ${target}`,
      where: (project, target) => `${target}.project_id = ${project}.id`,
      orderBy: (target) => `array_position(${ROLE_ORDER}, ${target}.role::text), ${target}.created_at, ${target}.id`,
    },
    needs: {
      kind: 'connection',
      type: 'Need',
      from: (target) => `need ${target}`,
      where: (project, target) => `${target}.project_id = ${project}.id`,
      orderBy: (target) => `${target}.created_at, ${target}.id`,
    },
    deliverables: {
      kind: 'connection',
      type: 'Deliverable',
      from: (target) => `deliverable ${target}`,
      where: (project, target) => `${target}.project_id = ${project}.id`,
      orderBy: (target) => `${target}.due_on asc nulls last, ${target}.created_at, ${target}.id`,
    },
    progress: { kind: 'embedded', type: 'ProjectProgress' },
  },
});

defineSqlShape('ProjectProgress', {
  fields: {
    ...Object.fromEntries(Object.entries(PROGRESS_SQL).map(([figure, sql]): [string, FieldSql] => [figure, { kind: 'value', sql }])),
    deliverablesOverdue: { kind: 'value', sql: (project, scope) => OVERDUE_SQL(project, scope.today) },
  },
});
