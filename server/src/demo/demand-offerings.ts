import type { EntityManager } from '@mikro-orm/postgresql';
import { DemandCategory } from '../demands/demand.enums.js';
import { ServiceOffering, ServiceOfferingRegion } from '../offerings/service-offering.entity.js';
import { ServiceOfferingKind } from '../offerings/service-offering.enums.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { VerificationStatus } from '../organisations/organisation.enums.js';
import { Person } from '../people/person.entity.js';
import type { Region } from '../regions/region.entity.js';
import { DEMO_FIXTURES } from './fixtures.js';

/** Where an offering serves: the whole district, the demo street, or the demo community. */
type Scope = 'district' | 'township' | 'community';

interface OfferingSeed {
  organisation: string;
  title: string;
  description: string;
  category: DemandCategory;
  kind: ServiceOfferingKind;
  scope: Scope;
  /** Offered personally by a member of the organisation (a democratic-party member's expertise). */
  personal?: boolean;
}

const C = DemandCategory;
const K = ServiceOfferingKind;

/** The 服务清单 of the demo: what the district's organisations offer residents, by organisation name. */
const OFFERINGS: readonly OfferingSeed[] = [
  {
    organisation: DEMO_FIXTURES.socialOrganisation,
    title: '居家养老上门探访',
    description: '社工每周上门探访独居、高龄老人，评估照护需求',
    category: C.ELDERLY_CARE,
    kind: K.CARE_SERVICE,
    scope: 'township',
  },
  {
    organisation: DEMO_FIXTURES.socialOrganisation,
    title: '困难家庭个案帮扶',
    description: '为困难家庭链接救助政策和社会资源',
    category: C.OTHER,
    kind: K.CARE_SERVICE,
    scope: 'district',
  },
  {
    organisation: '红塔区玉兴街道居家养老服务中心',
    title: '老年助餐送餐',
    description: '为 70 岁以上老人提供午餐，行动不便者送餐上门',
    category: C.ELDERLY_CARE,
    kind: K.CARE_SERVICE,
    scope: 'township',
  },
  {
    organisation: '红塔区玉兴街道居家养老服务中心',
    title: '助浴助洁服务',
    description: '为失能半失能老人提供助浴、居室清洁',
    category: C.ELDERLY_CARE,
    kind: K.CARE_SERVICE,
    scope: 'community',
  },
  {
    organisation: '红塔区心连心青少年服务中心',
    title: '四点半课堂',
    description: '放学后作业辅导和兴趣活动，服务双职工家庭',
    category: C.CHILDCARE,
    kind: K.CARE_SERVICE,
    scope: 'district',
  },
  {
    organisation: '红塔区家庭教育指导服务中心',
    title: '家庭教育咨询',
    description: '亲子沟通、青春期教育一对一咨询',
    category: C.CHILDCARE,
    kind: K.POLICY_ADVICE,
    scope: 'district',
  },
  {
    organisation: '红塔区人民调解员协会',
    title: '邻里纠纷调解',
    description: '专职调解员上门调解漏水、噪音、物业等纠纷',
    category: C.NEIGHBOUR_DISPUTE,
    kind: K.LEGAL_AID,
    scope: 'district',
  },
  {
    organisation: '红塔区邻里互助促进会',
    title: '邻里互助志愿服务',
    description: '组织楼栋志愿者开展邻里互助和矛盾劝解',
    category: C.NEIGHBOUR_DISPUTE,
    kind: K.VOLUNTEER_SERVICE,
    scope: 'township',
  },
  {
    organisation: '红塔区阳光助残服务中心',
    title: '残疾人康复指导',
    description: '康复师上门指导居家康复训练',
    category: C.HEALTH,
    kind: K.CARE_SERVICE,
    scope: 'district',
  },
  {
    organisation: '红塔区花灯艺术协会',
    title: '花灯艺术进社区',
    description: '花灯表演和排练辅导，支持社区文艺队',
    category: C.CULTURE,
    kind: K.CULTURE,
    scope: 'district',
  },
  {
    organisation: DEMO_FIXTURES.democraticPartyBody,
    title: '公益法律咨询',
    description: '民盟律师盟员每月到社区坐诊，提供法律咨询',
    category: C.LEGAL_HELP,
    kind: K.LEGAL_AID,
    scope: 'district',
    personal: true,
  },
  {
    organisation: DEMO_FIXTURES.democraticPartyBody,
    title: '“烛光行动”助学辅导',
    description: '教师盟员为留守、困难家庭儿童辅导功课',
    category: C.CHILDCARE,
    kind: K.CULTURE,
    scope: 'district',
  },
  {
    organisation: '民革红塔区支部',
    title: '政策咨询与参政建议',
    description: '收集社区治理问题，形成参政议政建议',
    category: C.OTHER,
    kind: K.POLICY_ADVICE,
    scope: 'district',
  },
  {
    organisation: '农工党红塔区支部',
    title: '社区义诊',
    description: '医药卫生界党员定期义诊、慢病管理指导',
    category: C.HEALTH,
    kind: K.HEALTH,
    scope: 'district',
    personal: true,
  },
  {
    organisation: '九三学社红塔区支社',
    title: '科普讲座进社区',
    description: '防诈骗、健康、节能等科普讲座',
    category: C.CULTURE,
    kind: K.TECHNICAL_GUIDANCE,
    scope: 'district',
  },
  {
    organisation: '民建红塔区支部',
    title: '小微企业和个体户经营指导',
    description: '为创业居民提供经营、融资和政策指导',
    category: C.EMPLOYMENT,
    kind: K.POLICY_ADVICE,
    scope: 'district',
  },
  {
    organisation: '民进红塔区支部',
    title: '送教进社区',
    description: '教师党员开设家长课堂和假期学习辅导',
    category: C.CHILDCARE,
    kind: K.CULTURE,
    scope: 'district',
  },
  {
    organisation: DEMO_FIXTURES.enterprise,
    title: '小区公共设施维修',
    description: '路灯、门禁、健身器材等公共设施报修 48 小时内处理',
    category: C.ROADS_FACILITIES,
    kind: K.REPAIR_MAINTENANCE,
    scope: 'township',
  },
  {
    organisation: DEMO_FIXTURES.enterprise,
    title: '楼道清理与垃圾清运',
    description: '楼道杂物清理、垃圾清运和消杀',
    category: C.ENVIRONMENT_SANITATION,
    kind: K.REPAIR_MAINTENANCE,
    scope: 'community',
  },
  {
    organisation: '玉溪市安居电器维修服务有限公司',
    title: '家电义务维修',
    description: '为老人和困难家庭免费检修家电',
    category: C.ROADS_FACILITIES,
    kind: K.REPAIR_MAINTENANCE,
    scope: 'district',
  },
  {
    organisation: '玉溪市康乐家政服务有限公司',
    title: '家政保洁服务',
    description: '公益保洁和家政技能培训',
    category: C.ENVIRONMENT_SANITATION,
    kind: K.CARE_SERVICE,
    scope: 'township',
  },
  {
    organisation: '红塔区司法局',
    title: '法律援助申请指导',
    description: '指导符合条件的居民申请法律援助',
    category: C.LEGAL_HELP,
    kind: K.LEGAL_AID,
    scope: 'district',
  },
  {
    organisation: '红塔区人力资源和社会保障局',
    title: '就业创业政策咨询',
    description: '职业技能培训、创业补贴和灵活就业社保政策',
    category: C.EMPLOYMENT,
    kind: K.POLICY_ADVICE,
    scope: 'district',
  },
  {
    organisation: '玉溪天成建筑工程有限公司',
    title: '房屋安全隐患排查',
    description: '工程师上门排查房屋、围墙等安全隐患',
    category: C.SAFETY,
    kind: K.TECHNICAL_GUIDANCE,
    scope: 'township',
  },
  {
    organisation: '红塔区应急管理局',
    title: '消防安全检查指导',
    description: '电动车充电、燃气使用等消防安全检查',
    category: C.SAFETY,
    kind: K.TECHNICAL_GUIDANCE,
    scope: 'district',
  },
];

export interface DemoScopes {
  district: Region;
  township: Region;
  community: Region;
}

/** A member of `organisation` who can offer expertise personally: the first democratic-party member by phone. */
async function expertOf(em: EntityManager, organisation: Organisation): Promise<Person | undefined> {
  const [row] = await em.getConnection().execute<{ id: string }[]>(
    `select p.id from person p join membership m on m.person_id = p.id
        where m.organisation_id = ? and p.democratic_party is not null and p.deleted_at is null order by p.phone limit 1`,
    [organisation.uuid],
    'all',
    em.getTransactionContext(),
  );
  return row ? em.getReference(Person, row.id) : undefined;
}

/**
 * Creates the demo's service offerings (about 25) for the verified organisations named above, found
 * by name; an organisation missing from the demo district is skipped. Returns the organisations
 * offering each category, so tickets go to plausible owners.
 */
export async function seedOfferings(em: EntityManager, scopes: DemoScopes, now: Date): Promise<Map<DemandCategory, Organisation[]>> {
  const names = [...new Set(OFFERINGS.map((seed) => seed.organisation))];
  const organisations = await em.find(Organisation, { name: { $in: names }, verificationStatus: VerificationStatus.VERIFIED });
  const byName = new Map(organisations.map((organisation) => [organisation.name, organisation]));
  const offerings: ServiceOffering[] = [];
  const links: ServiceOfferingRegion[] = [];
  const byCategory = new Map<DemandCategory, Organisation[]>();
  for (const [index, seed] of OFFERINGS.entries()) {
    const organisation = byName.get(seed.organisation);
    if (!organisation) {
      continue;
    }
    const person = seed.personal ? await expertOf(em, organisation) : undefined;
    // Listed over the past months, in the order above.
    const createdAt = new Date(now.getTime() - (120 - index) * 24 * 60 * 60 * 1000);
    const offering = em.create(
      ServiceOffering,
      {
        organisation,
        person: person ?? null,
        title: seed.title,
        description: seed.description,
        category: seed.category,
        kind: seed.kind,
        createdAt,
        updatedAt: createdAt,
      },
      { persist: false },
    );
    offerings.push(offering);
    links.push(em.create(ServiceOfferingRegion, { offering, region: scopes[seed.scope], createdAt }, { persist: false }));
    byCategory.set(seed.category, [...(byCategory.get(seed.category) ?? []), organisation]);
  }
  await em.insertMany(ServiceOffering, offerings);
  await em.insertMany(ServiceOfferingRegion, links);
  return byCategory;
}
