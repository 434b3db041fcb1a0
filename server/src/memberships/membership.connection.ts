import { Connection } from '../common/relay/connection.js';
import { Membership } from './membership.entity.js';

export const MembershipConnection = Connection(Membership, 'Membership');
