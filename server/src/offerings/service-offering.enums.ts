import { registerEnumType } from 'type-graphql';

/** The kind of help an offering gives (服务清单), beside the demand category it answers. */
export enum ServiceOfferingKind {
  POLICY_ADVICE = 'POLICY_ADVICE',
  LEGAL_AID = 'LEGAL_AID',
  TECHNICAL_GUIDANCE = 'TECHNICAL_GUIDANCE',
  HEALTH = 'HEALTH',
  CULTURE = 'CULTURE',
  CARE_SERVICE = 'CARE_SERVICE',
  REPAIR_MAINTENANCE = 'REPAIR_MAINTENANCE',
  VOLUNTEER_SERVICE = 'VOLUNTEER_SERVICE',
  OTHER = 'OTHER',
}

registerEnumType(ServiceOfferingKind, {
  name: 'ServiceOfferingKind',
  description: 'Kind of help a service offering gives',
  valuesConfig: {
    POLICY_ADVICE: { description: '政策咨询' },
    LEGAL_AID: { description: '法律援助' },
    TECHNICAL_GUIDANCE: { description: '技术指导' },
    HEALTH: { description: '医疗健康服务' },
    CULTURE: { description: '文化服务' },
    CARE_SERVICE: { description: '照护服务 (elderly, children, people with disabilities)' },
    REPAIR_MAINTENANCE: { description: '维修养护' },
    VOLUNTEER_SERVICE: { description: '志愿服务' },
    OTHER: { description: 'Anything else' },
  },
});
