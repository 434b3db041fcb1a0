import { baseFields, column, defineSqlShape, reference } from '../common/lookahead/sql-shape.js';
import { NEED_AMOUNTS_SQL } from './need-amounts.sql.js';
import { Need } from './need.entity.js';

// A need with its derived amounts, as read by the look-ahead compiler (see `common/lookahead`).
defineSqlShape('Need', {
  entity: Need,
  fields: {
    ...baseFields('Need'),
    kind: column('kind'),
    description: column('description'),
    quantity: column('quantity'),
    unit: column('unit'),
    deadline: column('deadline'),
    allowOversubscription: column('allow_oversubscription'),
    closedAt: column('closed_at'),
    pledged: { kind: 'value', sql: NEED_AMOUNTS_SQL.pledged },
    accepted: { kind: 'value', sql: NEED_AMOUNTS_SQL.accepted },
    delivered: { kind: 'value', sql: NEED_AMOUNTS_SQL.delivered },
    remaining: { kind: 'value', sql: NEED_AMOUNTS_SQL.remaining },
    coverage: { kind: 'value', sql: NEED_AMOUNTS_SQL.coverage },
    // `needIsOpen`: not closed, and the deadline (if any) not passed in Asia/Shanghai.
    isOpen: {
      kind: 'value',
      sql: (n, scope) => `(${n}.closed_at is null and (${n}.deadline is null or ${n}.deadline >= ${scope.today}))`,
    },
    project: reference('Project', 'project', 'project_id'),
    pledges: {
      kind: 'connection',
      type: 'Pledge',
      from: (target) => `pledge ${target}`,
      where: (need, target) => `${target}.need_id = ${need}.id`,
      orderBy: (target) => `${target}.created_at, ${target}.id`,
    },
  },
});
