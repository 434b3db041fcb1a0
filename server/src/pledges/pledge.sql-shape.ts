import { baseFields, column, defineSqlShape, reference } from '../common/lookahead/sql-shape.js';
import { Pledge } from './pledge.entity.js';

// A pledge, as read by the look-ahead compiler (see `common/lookahead`).
defineSqlShape('Pledge', {
  entity: Pledge,
  fields: {
    ...baseFields('Pledge'),
    quantity: column('quantity'),
    note: column('note'),
    status: column('status'),
    responseNote: column('response_note'),
    respondedAt: column('responded_at'),
    fulfilledAt: column('fulfilled_at'),
    pledger: reference('Organisation', 'organisation', 'organisation_id'),
    need: reference('Need', 'need', 'need_id'),
    project: reference('Project', 'project', 'project_id'),
  },
});
