import { ActivityEntry } from '../activity/activity-entry.entity.js';
import { ApiToken } from '../auth/api-token.entity.js';
import { Session } from '../auth/session.entity.js';
import { SignInAttempt } from '../auth/sign-in-attempt.entity.js';
import { Deliverable, DeliverableOwner, DeliverablePledge } from '../deliverables/deliverable.entity.js';
import { DemandCategoryPolicy } from '../demands/demand-category-policy.entity.js';
import { DemandEvent } from '../demands/demand-event.entity.js';
import { DemandTicket } from '../demands/demand-ticket.entity.js';
import { Membership } from '../memberships/membership.entity.js';
import { RegionRole } from '../memberships/region-role.entity.js';
import { Need } from '../needs/need.entity.js';
import { ServiceOffering, ServiceOfferingRegion } from '../offerings/service-offering.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { ProjectPartner } from '../partners/project-partner.entity.js';
import { Person } from '../people/person.entity.js';
import { Delivery } from '../pledges/delivery.entity.js';
import { Pledge } from '../pledges/pledge.entity.js';
import { Project, ProjectRegion } from '../projects/project.entity.js';
import { Region } from '../regions/region.entity.js';
import { Commitment, CommitmentEvaluation, CommitmentProgress } from '../commitments/commitment.entity.js';
import { ServiceHoursEntry } from '../volunteering/service-hours-entry.entity.js';
import { ShiftSignUp } from '../volunteering/shift-sign-up.entity.js';
import { Shift } from '../volunteering/shift.entity.js';
import { VolunteerActivity } from '../volunteering/volunteer-activity.entity.js';
import { VolunteerPointsRule } from '../volunteering/volunteer-points-rule.entity.js';

/** Every entity, listed explicitly so nothing depends on file-system discovery. */
export const entities = [
  Region,
  Person,
  Organisation,
  Membership,
  RegionRole,
  Session,
  ApiToken,
  SignInAttempt,
  ActivityEntry,
  Project,
  ProjectRegion,
  ProjectPartner,
  Need,
  Pledge,
  Delivery,
  Deliverable,
  DeliverableOwner,
  DeliverablePledge,
  ServiceOffering,
  ServiceOfferingRegion,
  DemandCategoryPolicy,
  DemandTicket,
  DemandEvent,
  VolunteerActivity,
  Shift,
  ShiftSignUp,
  ServiceHoursEntry,
  VolunteerPointsRule,
  Commitment,
  CommitmentProgress,
  CommitmentEvaluation,
];
