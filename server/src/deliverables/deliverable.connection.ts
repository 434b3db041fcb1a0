import { Connection } from '../common/relay/connection.js';
import { Deliverable } from './deliverable.entity.js';

export const DeliverableConnection = Connection(Deliverable, 'Deliverable');
