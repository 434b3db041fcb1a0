import { Connection } from '../common/relay/connection.js';
import { ServiceHoursEntry } from './service-hours-entry.entity.js';
import { ShiftSignUp } from './shift-sign-up.entity.js';
import { Shift } from './shift.entity.js';
import { VolunteerActivity } from './volunteer-activity.entity.js';

export const VolunteerActivityConnection = Connection(VolunteerActivity, 'VolunteerActivity');
export const ShiftConnection = Connection(Shift, 'Shift');
export const ShiftSignUpConnection = Connection(ShiftSignUp, 'ShiftSignUp');
export const ServiceHoursEntryConnection = Connection(ServiceHoursEntry, 'ServiceHoursEntry');
