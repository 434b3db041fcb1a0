import { ActivityEntry } from '../activity/activity-entry.entity.js';
import { ApiToken } from '../auth/api-token.entity.js';
import { Session } from '../auth/session.entity.js';
import { SignInAttempt } from '../auth/sign-in-attempt.entity.js';
import { Membership } from '../memberships/membership.entity.js';
import { RegionRole } from '../memberships/region-role.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Person } from '../people/person.entity.js';
import { Region } from '../regions/region.entity.js';

/** Every entity, listed explicitly so nothing depends on file-system discovery. */
export const entities = [Region, Person, Organisation, Membership, RegionRole, Session, ApiToken, SignInAttempt, ActivityEntry];
