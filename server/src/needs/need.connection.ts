import { Connection } from '../common/relay/connection.js';
import { Need } from './need.entity.js';

export const NeedConnection = Connection(Need, 'Need');
