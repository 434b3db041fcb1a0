import type { NonEmptyArray } from 'type-graphql';
import { ActivityEntryResolver } from '../activity/activity.resolver.js';
import { AuthResolver } from '../auth/auth.resolver.js';
import { CommitmentDashboardResolver } from '../commitments/commitment-dashboard.resolver.js';
import { CommitmentEvaluationResolver, CommitmentProgressResolver } from '../commitments/commitment-parts.resolver.js';
import { CommitmentResolver } from '../commitments/commitment.resolver.js';
import { RegionDashboardAccessResolver, RegionDashboardResolver } from '../dashboard/region-dashboard.resolver.js';
import { NodeResolver } from '../common/relay/node.resolver.js';
import { DeliverableResolver } from '../deliverables/deliverable.resolver.js';
import { DemandEventResolver } from '../demands/demand-event.resolver.js';
import { DemandFieldsResolver } from '../demands/demand-fields.resolver.js';
import { DemandMatchResolver, DemandNeedResolver } from '../demands/demand-matches.resolver.js';
import { DemandMetricsResolver } from '../demands/demand-metrics.resolver.js';
import { DemandSubscriptionResolver } from '../demands/demand-subscription.resolver.js';
import { DemandResolver } from '../demands/demand.resolver.js';
import { MembershipResolver, RegionRoleResolver } from '../memberships/membership.resolver.js';
import { NeedResolver } from '../needs/need.resolver.js';
import { OrganisationServiceOfferingsResolver, ServiceOfferingResolver } from '../offerings/service-offering.resolver.js';
import { OrganisationResolver } from '../organisations/organisation.resolver.js';
import { ProjectPartnerResolver } from '../partners/project-partner.resolver.js';
import { PersonResolver } from '../people/person.resolver.js';
import { DeliveryResolver } from '../pledges/delivery.resolver.js';
import { OrganisationPledgesResolver } from '../pledges/organisation-pledges.resolver.js';
import { PledgeResolver } from '../pledges/pledge.resolver.js';
import { PrivacyResolver } from '../privacy/privacy.resolver.js';
import { OrganisationProjectsResolver } from '../projects/organisation-projects.resolver.js';
import { ProjectResolver } from '../projects/project.resolver.js';
import { RegionResolver } from '../regions/region.resolver.js';
import { OrganisationVolunteeringResolver, PersonServiceRecordResolver } from '../volunteering/person-service-record.resolver.js';
import { ProjectVolunteeringResolver } from '../volunteering/project-volunteering.resolver.js';
import { ServiceHoursEntryResolver, VolunteerPointsRuleResolver } from '../volunteering/service-hours.resolver.js';
import { ShiftSignUpResolver } from '../volunteering/shift-sign-up.resolver.js';
import { ShiftSubscriptionResolver } from '../volunteering/shift-subscription.resolver.js';
import { ShiftResolver } from '../volunteering/shift.resolver.js';
import { VolunteerActivityResolver } from '../volunteering/volunteer-activity.resolver.js';

/** Every feature's resolvers; adding a feature means adding it here. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [
  NodeResolver,
  AuthResolver,
  RegionResolver,
  PersonResolver,
  OrganisationResolver,
  MembershipResolver,
  RegionRoleResolver,
  PrivacyResolver,
  // Partner projects
  ProjectResolver,
  OrganisationProjectsResolver,
  ProjectPartnerResolver,
  NeedResolver,
  PledgeResolver,
  DeliveryResolver,
  OrganisationPledgesResolver,
  DeliverableResolver,
  ActivityEntryResolver,
  // Service offerings (服务清单) and residents' demands (群众点单)
  ServiceOfferingResolver,
  OrganisationServiceOfferingsResolver,
  DemandResolver,
  DemandFieldsResolver,
  DemandEventResolver,
  DemandNeedResolver,
  DemandMatchResolver,
  DemandMetricsResolver,
  DemandSubscriptionResolver,
  // Volunteer coordination and service hours
  VolunteerActivityResolver,
  ShiftResolver,
  ShiftSignUpResolver,
  ShiftSubscriptionResolver,
  ServiceHoursEntryResolver,
  VolunteerPointsRuleResolver,
  PersonServiceRecordResolver,
  OrganisationVolunteeringResolver,
  ProjectVolunteeringResolver,
  // Party-branch commitments (承诺—践诺—评诺)
  CommitmentResolver,
  CommitmentProgressResolver,
  CommitmentEvaluationResolver,
  CommitmentDashboardResolver,
  // Region dashboard (区域看板): co-governance totals of a region subtree
  RegionDashboardResolver,
  RegionDashboardAccessResolver,
];
