import { baseFields, column, defineSqlShape } from '../common/lookahead/sql-shape.js';
import { Organisation } from './organisation.entity.js';

// The organisation's public profile, as read by the look-ahead compiler (see `common/lookahead`).
defineSqlShape('Organisation', {
  entity: Organisation,
  fields: {
    ...baseFields('Organisation'),
    name: column('name'),
    kind: column('kind'),
    subtype: column('subtype'),
    democraticParty: column('democratic_party'),
    creditCode: column('credit_code'),
    description: column('description'),
    contactName: column('contact_name'),
    contactPhone: column('contact_phone'),
    address: column('address'),
    verificationStatus: column('verification_status'),
    verifiedAt: column('verified_at'),
    verificationNote: column('verification_note'),
  },
});
