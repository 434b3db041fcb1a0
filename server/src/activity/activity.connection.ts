import { Connection } from '../common/relay/connection.js';
import { ActivityEntry } from './activity-entry.entity.js';

export const ActivityEntryConnection = Connection(ActivityEntry, 'ActivityEntry');
