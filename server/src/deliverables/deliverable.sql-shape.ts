import { baseFields, column, defineSqlShape, reference } from '../common/lookahead/sql-shape.js';
import { Deliverable } from './deliverable.entity.js';

// A shared deliverable with its owners, as read by the look-ahead compiler (see `common/lookahead`).
defineSqlShape('Deliverable', {
  entity: Deliverable,
  fields: {
    ...baseFields('Deliverable'),
    title: column('title'),
    description: column('description'),
    dueOn: column('due_on'),
    status: column('status'),
    statusReason: column('status_reason'),
    evidenceUrls: column('evidence_urls'),
    submittedAt: column('submitted_at'),
    acceptedAt: column('accepted_at'),
    project: reference('Project', 'project', 'project_id'),
    owners: {
      kind: 'list',
      type: 'Organisation',
      from: (target) => `deliverable_owner ${target}_owner join organisation ${target} on ${target}.id = ${target}_owner.organisation_id`,
      where: (deliverable, target) => `${target}_owner.deliverable_id = ${deliverable}.id`,
      orderBy: (target) => `${target}_owner.created_at, ${target}_owner.id`,
    },
  },
});
