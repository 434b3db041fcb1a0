import { Connection } from '../common/relay/connection.js';
import { Pledge } from './pledge.entity.js';

export const PledgeConnection = Connection(Pledge, 'Pledge');
