import { registerEnumType } from 'type-graphql';

/** What a resident's demand is about; also the category of the service offerings matched against it. */
export enum DemandCategory {
  ELDERLY_CARE = 'ELDERLY_CARE',
  CHILDCARE = 'CHILDCARE',
  EMPLOYMENT = 'EMPLOYMENT',
  ENVIRONMENT_SANITATION = 'ENVIRONMENT_SANITATION',
  ROADS_FACILITIES = 'ROADS_FACILITIES',
  SAFETY = 'SAFETY',
  NEIGHBOUR_DISPUTE = 'NEIGHBOUR_DISPUTE',
  LEGAL_HELP = 'LEGAL_HELP',
  HEALTH = 'HEALTH',
  CULTURE = 'CULTURE',
  OTHER = 'OTHER',
}

/** Life cycle of a demand ticket (点单—派单—接单—评单); `demand.transitions.ts` says which moves are allowed. */
export enum DemandStatus {
  SUBMITTED = 'SUBMITTED',
  DISPATCHED = 'DISPATCHED',
  ACCEPTED = 'ACCEPTED',
  RESOLVED = 'RESOLVED',
  RATED = 'RATED',
  CLOSED_UNRATED = 'CLOSED_UNRATED',
  REJECTED = 'REJECTED',
  MERGED = 'MERGED',
  CONVERTED_TO_NEED = 'CONVERTED_TO_NEED',
}

/** How a demand reached the platform. */
export enum DemandChannel {
  ONLINE = 'ONLINE',
  IN_PERSON = 'IN_PERSON',
  PHONE = 'PHONE',
}

/** How the resident prefers to be contacted about their demand. */
export enum DemandContactPreference {
  PHONE_CALL = 'PHONE_CALL',
  SMS = 'SMS',
  HOME_VISIT = 'HOME_VISIT',
  ONLINE_ONLY = 'ONLINE_ONLY',
}

/** The resident's judgement of a resolution (评单). */
export enum DemandRating {
  SATISFIED = 'SATISFIED',
  PARTLY = 'PARTLY',
  UNSATISFIED = 'UNSATISFIED',
}

/** What happened to a ticket, as shown on its timeline. */
export enum DemandEventAction {
  SUBMITTED = 'SUBMITTED',
  DISPATCHED = 'DISPATCHED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  ACTION_RECORDED = 'ACTION_RECORDED',
  RESOLVED = 'RESOLVED',
  RATED = 'RATED',
  REOPENED = 'REOPENED',
  CLOSED_UNRATED = 'CLOSED_UNRATED',
  REJECTED = 'REJECTED',
  MERGED = 'MERGED',
  DUPLICATE_MERGED = 'DUPLICATE_MERGED',
  CONVERTED_TO_NEED = 'CONVERTED_TO_NEED',
  ESCALATED = 'ESCALATED',
}

registerEnumType(DemandCategory, {
  name: 'DemandCategory',
  description: 'What a demand (or a service offering) is about',
  valuesConfig: {
    ELDERLY_CARE: { description: '养老助老' },
    CHILDCARE: { description: '托育与儿童关爱' },
    EMPLOYMENT: { description: '就业创业' },
    ENVIRONMENT_SANITATION: { description: '环境卫生' },
    ROADS_FACILITIES: { description: '道路与公共设施' },
    SAFETY: { description: '治安与安全隐患' },
    NEIGHBOUR_DISPUTE: { description: '邻里纠纷' },
    LEGAL_HELP: { description: '法律帮助' },
    HEALTH: { description: '医疗健康' },
    CULTURE: { description: '文化体育' },
    OTHER: { description: 'Anything else' },
  },
});
registerEnumType(DemandStatus, {
  name: 'DemandStatus',
  description: 'Status of a demand ticket',
  valuesConfig: {
    SUBMITTED: { description: 'Waiting for a dispatcher (new, or declined by the organisation it was sent to)' },
    DISPATCHED: { description: 'Sent to an organisation that has not answered yet' },
    ACCEPTED: { description: 'Taken on by its owner organisation, which works on it until it is resolved' },
    RESOLVED: { description: 'Resolved by the owner; waiting for the resident to rate it (7 days)' },
    RATED: { description: 'Closed with the resident’s rating' },
    CLOSED_UNRATED: { description: 'Closed because the resident did not rate the resolution within 7 days' },
    REJECTED: { description: 'Closed by a dispatcher, with a reason the resident sees' },
    MERGED: { description: 'Closed as a duplicate of another ticket' },
    CONVERTED_TO_NEED: { description: 'Closed by turning it into a need of a partner project' },
  },
});
registerEnumType(DemandChannel, {
  name: 'DemandChannel',
  description: 'How a demand reached the platform',
  valuesConfig: {
    ONLINE: { description: 'Submitted by the resident themself' },
    IN_PERSON: { description: 'Recorded by a grid worker for a resident who came in person' },
    PHONE: { description: 'Recorded by a grid worker for a resident who called' },
  },
});
registerEnumType(DemandContactPreference, { name: 'DemandContactPreference', description: 'How the resident prefers to be contacted' });
registerEnumType(DemandRating, {
  name: 'DemandRating',
  description: 'The resident’s judgement of a resolution',
  valuesConfig: {
    SATISFIED: { description: '满意' },
    PARTLY: { description: '基本满意' },
    UNSATISFIED: { description: '不满意: reopens the ticket once for a second round' },
  },
});
registerEnumType(DemandEventAction, {
  name: 'DemandEventAction',
  description: 'What happened to a demand ticket',
  valuesConfig: {
    ACTION_RECORDED: { description: 'The owner recorded something it did while working on the ticket' },
    DUPLICATE_MERGED: { description: 'Another ticket was merged into this one as a duplicate' },
    ESCALATED: { description: 'The ticket became overdue and was escalated to the administrators of the region above' },
  },
});
