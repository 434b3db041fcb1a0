import { registerEnumType } from 'type-graphql';

/** Direction of an `orderBy` (GitHub's shape: `{ field, direction }`). */
export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

registerEnumType(OrderDirection, {
  name: 'OrderDirection',
  description: 'Direction of an ordering',
  valuesConfig: {
    ASC: { description: 'Ascending: smallest, earliest or A first' },
    DESC: { description: 'Descending: largest or latest first' },
  },
});
