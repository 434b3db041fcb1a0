import { baseFields, column, defineSqlShape, reference } from '../common/lookahead/sql-shape.js';
import { ProjectPartner } from './project-partner.entity.js';

// An organisation's place in a project, as read by the look-ahead compiler (see `common/lookahead`).
defineSqlShape('ProjectPartner', {
  entity: ProjectPartner,
  fields: {
    ...baseFields('ProjectPartner'),
    role: column('role'),
    status: column('status'),
    message: column('message'),
    responseNote: column('response_note'),
    respondedAt: column('responded_at'),
    organisation: reference('Organisation', 'organisation', 'organisation_id'),
    project: reference('Project', 'project', 'project_id'),
  },
});
