import { DeliverableStatus } from '../deliverables/deliverable.enums.js';
import { NeedKind } from '../needs/need.enums.js';
import { OrganisationKind } from '../organisations/organisation.enums.js';
import { ProjectPartnerRole, ProjectPartnerStatus } from '../partners/project-partner.enums.js';
import { PledgeStatus } from '../pledges/pledge.enums.js';
import { ProjectCategory, ProjectStatus } from '../projects/project.enums.js';

/**
 * The demo partner projects (初心合伙人) as stories: who leads, who joins, what is needed, who pledged
 * what and how far it got. Organisations are named by hints (part of the name) and kinds; the seeder
 * looks them up in the demo district and skips what it cannot find, so the stories survive changes
 * to the organisation list. Days are relative to the day of seeding, so the demo never goes stale.
 */
export interface PartnerStory {
  /** How the story refers to the partner. */
  key: string;
  kind: OrganisationKind;
  /** Part of the organisation's name; without it, the first unused organisation of the kind nearby. */
  name?: string;
  role: ProjectPartnerRole;
  /** Default ACCEPTED. */
  status?: ProjectPartnerStatus;
  /** Applied rather than invited. */
  applied?: boolean;
}

export interface PledgeStory {
  /** A partner key, or 'lead'. */
  by: string;
  quantity: string;
  status: PledgeStatus;
  note?: string;
  /** Confirmed deliveries (for FULFILLED they add up to the quantity). */
  confirmed?: string[];
  /** A delivery recorded but not confirmed yet. */
  pending?: string;
}

export interface NeedStory {
  key: string;
  kind: NeedKind;
  description: string;
  quantity: string;
  unit: string;
  deadlineInDays?: number;
  allowOversubscription?: boolean;
  closed?: boolean;
  pledges: PledgeStory[];
}

export interface DeliverableStory {
  title: string;
  description: string;
  dueInDays: number;
  status: DeliverableStatus;
  owners: string[];
  /** Pledges feeding it: [need key, index of the pledge in that need]. */
  fedBy?: [string, number][];
  /** Set when a submission was sent back. */
  sentBackBecause?: string;
  evidence?: string[];
}

export interface ProjectStory {
  title: string;
  summary: string;
  category: ProjectCategory;
  township: string;
  /** The lead is this village's (community's) Party branch; without it, the township's committee. */
  village?: string;
  /** A lead by exact name first (the demo secretary's branch), when present. */
  leadName?: string;
  status: ProjectStatus;
  statusReason?: string;
  startedDaysAgo: number;
  lastsDays: number;
  partners: PartnerStory[];
  needs: NeedStory[];
  deliverables: DeliverableStory[];
}

const { GOVERNMENT_DEPARTMENT, ENTERPRISE, SOCIAL_ORGANISATION, DEMOCRATIC_PARTY, VILLAGE_COMMITTEE, PUBLIC_INSTITUTION } =
  OrganisationKind;
const { CO_LEAD, PARTNER, SUPPORTER } = ProjectPartnerRole;
const { PROPOSED, ACCEPTED, FULFILLED, DECLINED, WITHDRAWN } = PledgeStatus;
const { PLANNED, IN_PROGRESS, SUBMITTED } = DeliverableStatus;

export const PROJECT_STORIES: readonly ProjectStory[] = [
  {
    title: '玉湖社区“初心合伙人”老旧小区改造',
    summary:
      '社区党支部牵头，联合城投集团、物业企业、社工机构和民盟专家，为玉湖小区 12 栋老楼加装电梯、改造雨污管网，改造方案经居民议事会三轮协商确定。',
    category: ProjectCategory.INFRASTRUCTURE,
    township: '玉兴街道',
    village: '玉湖社区',
    leadName: '中共红塔区玉兴街道玉湖社区支部委员会',
    status: ProjectStatus.ACTIVE,
    startedDaysAgo: 75,
    lastsDays: 300,
    partners: [
      { key: 'housing', kind: GOVERNMENT_DEPARTMENT, name: '住房和城乡建设局', role: CO_LEAD },
      { key: 'cityInvest', kind: ENTERPRISE, name: '城市建设投资集团', role: PARTNER },
      { key: 'property', kind: ENTERPRISE, name: '佳和物业', role: PARTNER },
      { key: 'builder', kind: ENTERPRISE, name: '天成建筑', role: PARTNER, applied: true },
      { key: 'socialWork', kind: SOCIAL_ORGANISATION, name: '仁爱社会工作', role: SUPPORTER },
      { key: 'cdl', kind: DEMOCRATIC_PARTY, name: '民盟', role: SUPPORTER },
      { key: 'residents', kind: VILLAGE_COMMITTEE, name: '玉湖社区', role: PARTNER },
    ],
    needs: [
      {
        key: 'funds',
        kind: NeedKind.FUNDS,
        description: '电梯加装和管网改造的社会配套资金（财政补助以外部分）',
        quantity: '300000.00',
        unit: '元',
        deadlineInDays: 45,
        pledges: [
          { by: 'cityInvest', quantity: '150000.00', status: FULFILLED, confirmed: ['100000.00', '50000.00'], note: '分两期拨付' },
          { by: 'property', quantity: '50000.00', status: ACCEPTED, confirmed: ['20000.00'], pending: '10000.00' },
          { by: 'builder', quantity: '30000.00', status: PROPOSED, note: '以工程让利形式认捐' },
        ],
      },
      {
        key: 'steel',
        kind: NeedKind.MATERIALS,
        description: '电梯井道钢结构用钢材',
        quantity: '12.00',
        unit: '吨',
        deadlineInDays: 20,
        pledges: [{ by: 'builder', quantity: '8.00', status: ACCEPTED, confirmed: ['5.00'] }],
      },
      {
        key: 'visits',
        kind: NeedKind.VOLUNTEER_HOURS,
        description: '入户走访、征求意见和施工期间的老人陪护',
        quantity: '200.00',
        unit: '小时',
        pledges: [
          { by: 'socialWork', quantity: '120.00', status: ACCEPTED, confirmed: ['64.00'] },
          { by: 'residents', quantity: '60.00', status: ACCEPTED },
        ],
      },
      {
        key: 'assessment',
        kind: NeedKind.PROFESSIONAL_SERVICE,
        description: '老楼结构安全评估和加装方案论证',
        quantity: '3.00',
        unit: '次',
        closed: true,
        pledges: [{ by: 'cdl', quantity: '3.00', status: FULFILLED, confirmed: ['3.00'] }],
      },
    ],
    deliverables: [
      {
        title: '居民议事会改造方案',
        description: '三轮议事协商形成的改造方案和居民签字确认书',
        dueInDays: -40,
        status: DeliverableStatus.ACCEPTED,
        owners: ['lead', 'residents'],
        evidence: ['https://gongzhi.example/evidence/yuhu-council-minutes.pdf'],
      },
      {
        title: '雨污管网改造完工验收',
        description: '1.2 公里雨污分流管网改造完成并通过验收',
        dueInDays: 10,
        status: SUBMITTED,
        owners: ['cityInvest', 'builder'],
        fedBy: [
          ['funds', 0],
          ['steel', 0],
        ],
        evidence: ['https://gongzhi.example/evidence/yuhu-pipes-acceptance.pdf'],
      },
      {
        title: '加装电梯 3 部并投入使用',
        description: '首批 3 个单元电梯安装、检测合格并交付使用',
        dueInDays: 120,
        status: IN_PROGRESS,
        owners: ['cityInvest', 'property'],
        fedBy: [
          ['funds', 0],
          ['funds', 1],
        ],
      },
    ],
  },
  {
    title: '玉兴街道社区食堂·助老餐',
    summary: '街道党工委牵头，在社区党群服务中心开设社区食堂，为 80 岁以上独居老人提供每日助餐和送餐上门服务。',
    category: ProjectCategory.ELDERLY_CARE,
    township: '玉兴街道',
    status: ProjectStatus.ACTIVE,
    startedDaysAgo: 50,
    lastsDays: 365,
    partners: [
      { key: 'civil', kind: GOVERNMENT_DEPARTMENT, name: '民政局', role: CO_LEAD },
      { key: 'catering', kind: ENTERPRISE, name: '聚福餐饮', role: PARTNER },
      { key: 'homeCare', kind: SOCIAL_ORGANISATION, name: '居家养老服务中心', role: PARTNER },
      { key: 'elders', kind: SOCIAL_ORGANISATION, name: '老年人协会', role: SUPPORTER },
      { key: 'volunteers', kind: SOCIAL_ORGANISATION, name: '志愿者协会', role: SUPPORTER, applied: true },
    ],
    needs: [
      {
        key: 'funds',
        kind: NeedKind.FUNDS,
        description: '助餐补贴资金（每餐补贴 5 元）',
        quantity: '80000.00',
        unit: '元',
        pledges: [
          { by: 'civil', quantity: '50000.00', status: ACCEPTED, confirmed: ['25000.00'] },
          { by: 'catering', quantity: '10000.00', status: ACCEPTED },
        ],
      },
      {
        key: 'boxes',
        kind: NeedKind.MATERIALS,
        description: '保温送餐箱',
        quantity: '60.00',
        unit: '个',
        pledges: [{ by: 'catering', quantity: '60.00', status: FULFILLED, confirmed: ['60.00'] }],
      },
      {
        key: 'delivery',
        kind: NeedKind.VOLUNTEER_HOURS,
        description: '送餐上门志愿服务',
        quantity: '500.00',
        unit: '小时',
        allowOversubscription: true,
        pledges: [
          { by: 'volunteers', quantity: '300.00', status: ACCEPTED, confirmed: ['120.00'] },
          { by: 'elders', quantity: '80.00', status: PROPOSED },
        ],
      },
    ],
    deliverables: [
      {
        title: '社区食堂开业运营',
        description: '食堂通过食品安全检查并开业，每日供餐不少于 120 份',
        dueInDays: -10,
        status: DeliverableStatus.ACCEPTED,
        owners: ['catering', 'homeCare'],
        fedBy: [['boxes', 0]],
      },
      {
        title: '独居老人送餐台账',
        description: '建立 86 位独居老人的送餐和回访台账',
        dueInDays: -3,
        status: IN_PROGRESS,
        owners: ['homeCare'],
        fedBy: [['delivery', 0]],
      },
    ],
  },
  {
    title: '研和“云上农场”乡村振兴农产品直播',
    summary: '研和街道党工委联合强村公司、农业企业和乡村振兴促进会，培训村播带货，打通冷链物流，把研和蔬菜和花卉卖出大山。',
    category: ProjectCategory.INDUSTRY,
    township: '研和街道',
    status: ProjectStatus.ACTIVE,
    startedDaysAgo: 40,
    lastsDays: 240,
    partners: [
      { key: 'collective', kind: ENTERPRISE, name: '研和', role: CO_LEAD },
      { key: 'produce', kind: ENTERPRISE, name: '润丰农产品', role: PARTNER },
      { key: 'agritech', kind: ENTERPRISE, name: '绿源农业科技', role: PARTNER },
      { key: 'revival', kind: SOCIAL_ORGANISATION, name: '乡村振兴促进会', role: PARTNER },
      { key: 'logistics', kind: ENTERPRISE, name: '顺通物流', role: SUPPORTER },
      { key: 'agriculture', kind: GOVERNMENT_DEPARTMENT, name: '农业农村局', role: SUPPORTER },
    ],
    needs: [
      {
        key: 'gear',
        kind: NeedKind.TECHNOLOGY,
        description: '直播设备（补光灯、声卡、手机稳定器）',
        quantity: '4.00',
        unit: '套',
        pledges: [{ by: 'agritech', quantity: '2.00', status: FULFILLED, confirmed: ['2.00'] }],
      },
      {
        key: 'training',
        kind: NeedKind.PROFESSIONAL_SERVICE,
        description: '村播主播培训课时',
        quantity: '40.00',
        unit: '小时',
        deadlineInDays: 30,
        pledges: [
          { by: 'revival', quantity: '24.00', status: ACCEPTED, confirmed: ['12.00'] },
          { by: 'agriculture', quantity: '16.00', status: PROPOSED },
        ],
      },
      {
        key: 'coldChain',
        kind: NeedKind.OTHER,
        description: '冷链物流配送（每周两次集中发货）',
        quantity: '50.00',
        unit: '车次',
        pledges: [
          { by: 'logistics', quantity: '30.00', status: ACCEPTED, confirmed: ['8.00'] },
          { by: 'produce', quantity: '30.00', status: DECLINED, note: '运力不足，暂不能承接' },
        ],
      },
    ],
    deliverables: [
      {
        title: '培养村播主播 10 名',
        description: '10 名村播完成培训并每周直播两场',
        dueInDays: 30,
        status: IN_PROGRESS,
        owners: ['revival', 'collective'],
        fedBy: [['training', 0]],
      },
      {
        title: '首场直播带货',
        description: '首场直播销售额和订单明细公示',
        dueInDays: -5,
        status: SUBMITTED,
        owners: ['collective', 'produce'],
        fedBy: [['gear', 0]],
        sentBackBecause: '请补充订单明细和售后处理情况',
      },
    ],
  },
  {
    title: '北城街道“和事佬”矛盾纠纷调解室',
    summary: '社区党组织牵头设立调解室，人民调解员、律师和乡贤轮值，把邻里纠纷化解在网格、化解在萌芽。',
    category: ProjectCategory.DISPUTE_PREVENTION,
    township: '北城街道',
    status: ProjectStatus.ACTIVE,
    startedDaysAgo: 90,
    lastsDays: 365,
    partners: [
      { key: 'justice', kind: GOVERNMENT_DEPARTMENT, name: '司法局', role: CO_LEAD },
      { key: 'mediators', kind: SOCIAL_ORGANISATION, name: '人民调解员协会', role: PARTNER },
      { key: 'rcck', kind: DEMOCRATIC_PARTY, name: '民革', role: SUPPORTER },
      { key: 'neighbours', kind: SOCIAL_ORGANISATION, name: '邻里互助', role: SUPPORTER },
    ],
    needs: [
      {
        key: 'lawyers',
        kind: NeedKind.LEGAL_AID,
        description: '律师坐班和法律咨询',
        quantity: '200.00',
        unit: '小时',
        pledges: [
          { by: 'justice', quantity: '120.00', status: ACCEPTED, confirmed: ['48.00', '24.00'] },
          { by: 'rcck', quantity: '40.00', status: ACCEPTED, confirmed: ['16.00'] },
        ],
      },
      {
        key: 'room',
        kind: NeedKind.VENUE,
        description: '调解室场地（含候谈区）',
        quantity: '1.00',
        unit: '处',
        closed: true,
        pledges: [{ by: 'lead', quantity: '1.00', status: FULFILLED, confirmed: ['1.00'] }],
      },
      {
        key: 'advice',
        kind: NeedKind.POLICY_ADVICE,
        description: '物业纠纷、婚姻家庭纠纷调解指引',
        quantity: '2.00',
        unit: '份',
        pledges: [{ by: 'mediators', quantity: '2.00', status: ACCEPTED, pending: '1.00' }],
      },
    ],
    deliverables: [
      {
        title: '调解室挂牌运行',
        description: '调解室挂牌，轮值表上墙并在网格群公示',
        dueInDays: -60,
        status: DeliverableStatus.ACCEPTED,
        owners: ['lead', 'justice'],
        fedBy: [['room', 0]],
      },
      {
        title: '季度调解案例汇编',
        description: '本季度调解案例（隐去当事人信息）汇编公开',
        dueInDays: 15,
        status: PLANNED,
        owners: ['mediators', 'justice'],
      },
    ],
  },
  {
    title: '春和街道玉溪大河河道保洁',
    summary: '党员志愿者、水务企业和生态环境部门共建“河长+网格”保洁机制，每周巡河、每月清淤。',
    category: ProjectCategory.ENVIRONMENT,
    township: '春和街道',
    status: ProjectStatus.RECRUITING,
    startedDaysAgo: -14,
    lastsDays: 180,
    partners: [
      { key: 'water', kind: ENTERPRISE, name: '水务', role: PARTNER },
      { key: 'environment', kind: GOVERNMENT_DEPARTMENT, name: '生态环境', role: SUPPORTER, status: ProjectPartnerStatus.INVITED },
      {
        key: 'volunteers',
        kind: SOCIAL_ORGANISATION,
        name: '志愿者协会',
        role: PARTNER,
        status: ProjectPartnerStatus.APPLIED,
        applied: true,
      },
    ],
    needs: [
      {
        key: 'patrol',
        kind: NeedKind.VOLUNTEER_HOURS,
        description: '每周巡河和垃圾清捡',
        quantity: '300.00',
        unit: '小时',
        deadlineInDays: 20,
        pledges: [{ by: 'water', quantity: '100.00', status: PROPOSED }],
      },
      {
        key: 'tools',
        kind: NeedKind.MATERIALS,
        description: '打捞网、手套、垃圾夹等保洁工具',
        quantity: '100.00',
        unit: '套',
        pledges: [{ by: 'water', quantity: '40.00', status: ACCEPTED }],
      },
    ],
    deliverables: [
      {
        title: '河段保洁责任表',
        description: '6 公里河段分段包干到网格和党员责任区',
        dueInDays: 7,
        status: PLANNED,
        owners: ['lead', 'water'],
      },
    ],
  },
  {
    title: '小石桥彝族乡花灯进村·文化下乡',
    summary: '乡党委联合花灯艺术协会和摄影家协会，把花灯戏送进 6 个彝族村寨，并为村文艺队开展培训。',
    category: ProjectCategory.CULTURE,
    township: '小石桥彝族乡',
    status: ProjectStatus.COMPLETED,
    startedDaysAgo: 200,
    lastsDays: 150,
    partners: [
      { key: 'lantern', kind: SOCIAL_ORGANISATION, name: '花灯艺术协会', role: PARTNER },
      { key: 'photo', kind: SOCIAL_ORGANISATION, name: '摄影家协会', role: SUPPORTER },
      { key: 'capd', kind: DEMOCRATIC_PARTY, name: '民进', role: SUPPORTER },
    ],
    needs: [
      {
        key: 'shows',
        kind: NeedKind.PROFESSIONAL_SERVICE,
        description: '花灯戏演出场次',
        quantity: '6.00',
        unit: '场',
        closed: true,
        pledges: [{ by: 'lantern', quantity: '6.00', status: FULFILLED, confirmed: ['3.00', '3.00'] }],
      },
      {
        key: 'training',
        kind: NeedKind.PROFESSIONAL_SERVICE,
        description: '村文艺队培训',
        quantity: '20.00',
        unit: '小时',
        closed: true,
        pledges: [
          { by: 'capd', quantity: '12.00', status: FULFILLED, confirmed: ['12.00'] },
          { by: 'photo', quantity: '8.00', status: WITHDRAWN },
        ],
      },
    ],
    deliverables: [
      {
        title: '6 个村寨巡演',
        description: '巡演完成，观众累计 2300 人次',
        dueInDays: -60,
        status: DeliverableStatus.ACCEPTED,
        owners: ['lantern'],
        fedBy: [['shows', 0]],
        evidence: ['https://gongzhi.example/evidence/xiaoshiqiao-tour.jpg'],
      },
      {
        title: '巡演影像集',
        description: '巡演照片和短视频结集，在乡文化站展出',
        dueInDays: -55,
        status: DeliverableStatus.ACCEPTED,
        owners: ['photo', 'lead'],
      },
    ],
  },
  {
    title: '洛河彝族乡卫生院健康义诊进村',
    summary: '乡党委联合卫生院和农工党专家，每月到村开展慢病筛查和健康讲座，为行动不便老人上门随访。',
    category: ProjectCategory.ELDERLY_CARE,
    township: '洛河彝族乡',
    status: ProjectStatus.RECRUITING,
    startedDaysAgo: -7,
    lastsDays: 200,
    partners: [
      { key: 'clinic', kind: PUBLIC_INSTITUTION, name: '洛河彝族乡卫生院', role: CO_LEAD },
      { key: 'cpwdp', kind: DEMOCRATIC_PARTY, name: '农工党', role: PARTNER },
      { key: 'health', kind: GOVERNMENT_DEPARTMENT, name: '卫生健康', role: SUPPORTER, status: ProjectPartnerStatus.INVITED },
    ],
    needs: [
      {
        key: 'doctors',
        kind: NeedKind.PROFESSIONAL_SERVICE,
        description: '专家义诊坐诊',
        quantity: '24.00',
        unit: '人次',
        deadlineInDays: 40,
        pledges: [{ by: 'cpwdp', quantity: '12.00', status: ACCEPTED }],
      },
      {
        key: 'kits',
        kind: NeedKind.MATERIALS,
        description: '血压计、血糖仪等随访设备',
        quantity: '30.00',
        unit: '台',
        pledges: [],
      },
    ],
    deliverables: [
      {
        title: '慢病老人随访档案',
        description: '为 6 个村 65 岁以上慢病老人建立随访档案',
        dueInDays: 90,
        status: PLANNED,
        owners: ['clinic', 'cpwdp'],
      },
    ],
  },
  {
    title: '凤凰街道“四点半课堂”暑期托管',
    summary: '社区党组织联合学校、教育机构和青少年服务中心，为双职工家庭孩子提供课后托管和兴趣课程。',
    category: ProjectCategory.OTHER,
    township: '凤凰街道',
    status: ProjectStatus.ACTIVE,
    startedDaysAgo: 30,
    lastsDays: 120,
    partners: [
      { key: 'youth', kind: SOCIAL_ORGANISATION, name: '心连心青少年', role: CO_LEAD },
      { key: 'tutoring', kind: ENTERPRISE, name: '明德教育', role: PARTNER },
      { key: 'school', kind: PUBLIC_INSTITUTION, name: '第二中学', role: SUPPORTER },
      { key: 'families', kind: SOCIAL_ORGANISATION, name: '家庭教育指导', role: SUPPORTER },
    ],
    needs: [
      {
        key: 'teachers',
        kind: NeedKind.VOLUNTEER_HOURS,
        description: '志愿辅导老师课时',
        quantity: '240.00',
        unit: '小时',
        pledges: [
          { by: 'tutoring', quantity: '120.00', status: ACCEPTED, confirmed: ['60.00'] },
          { by: 'school', quantity: '80.00', status: ACCEPTED, confirmed: ['30.00'], pending: '10.00' },
        ],
      },
      {
        key: 'room',
        kind: NeedKind.VENUE,
        description: '托管教室（可容纳 40 名学生）',
        quantity: '2.00',
        unit: '间',
        pledges: [{ by: 'school', quantity: '2.00', status: FULFILLED, confirmed: ['2.00'] }],
      },
    ],
    deliverables: [
      {
        title: '托管班开班',
        description: '两个托管班开班，报名学生 76 名',
        dueInDays: -20,
        status: DeliverableStatus.ACCEPTED,
        owners: ['youth', 'school'],
        fedBy: [['room', 0]],
      },
      {
        title: '暑期成果展',
        description: '学生书画和科技小制作成果展',
        dueInDays: 60,
        status: PLANNED,
        owners: ['youth', 'tutoring'],
      },
    ],
  },
  {
    title: '大营街街道家门口就业技能培训',
    summary: '街道党工委联合人社部门和家政企业，开展育婴、养老护理培训，培训合格学员由企业优先录用。',
    category: ProjectCategory.EMPLOYMENT,
    township: '大营街街道',
    status: ProjectStatus.ACTIVE,
    startedDaysAgo: 60,
    lastsDays: 180,
    partners: [
      { key: 'labour', kind: GOVERNMENT_DEPARTMENT, name: '人力资源和社会保障局', role: CO_LEAD },
      { key: 'housekeeping', kind: ENTERPRISE, name: '康乐家政', role: PARTNER },
      { key: 'cndca', kind: DEMOCRATIC_PARTY, name: '民建', role: SUPPORTER },
    ],
    needs: [
      {
        key: 'funds',
        kind: NeedKind.FUNDS,
        description: '培训补贴和考证费用',
        quantity: '36000.00',
        unit: '元',
        pledges: [
          { by: 'labour', quantity: '24000.00', status: FULFILLED, confirmed: ['24000.00'] },
          { by: 'housekeeping', quantity: '6000.00', status: ACCEPTED, pending: '3000.00' },
        ],
      },
      {
        key: 'jobs',
        kind: NeedKind.OTHER,
        description: '合格学员就业岗位',
        quantity: '30.00',
        unit: '个',
        pledges: [{ by: 'housekeeping', quantity: '20.00', status: ACCEPTED, confirmed: ['9.00'] }],
      },
    ],
    deliverables: [
      {
        title: '两期培训结业',
        description: '两期培训 60 人结业，持证率不低于 80%',
        dueInDays: -2,
        status: SUBMITTED,
        owners: ['labour', 'housekeeping'],
        fedBy: [['funds', 0]],
        evidence: ['https://gongzhi.example/evidence/dayingjie-graduates.xlsx'],
      },
    ],
  },
  {
    title: '高仓街道平安社区电动车集中充电棚',
    summary: '针对楼道充电火灾隐患，社区党组织联合应急管理部门和维修企业建设集中充电棚，网格员入户宣传。',
    category: ProjectCategory.SAFETY,
    township: '高仓街道',
    status: ProjectStatus.RECRUITING,
    startedDaysAgo: -10,
    lastsDays: 90,
    partners: [
      { key: 'emergency', kind: GOVERNMENT_DEPARTMENT, name: '应急管理局', role: PARTNER },
      { key: 'repair', kind: ENTERPRISE, name: '安居电器', role: PARTNER, status: ProjectPartnerStatus.APPLIED, applied: true },
    ],
    needs: [
      {
        key: 'funds',
        kind: NeedKind.FUNDS,
        description: '充电棚建设资金',
        quantity: '45000.00',
        unit: '元',
        deadlineInDays: 25,
        pledges: [{ by: 'emergency', quantity: '20000.00', status: PROPOSED }],
      },
      {
        key: 'install',
        kind: NeedKind.PROFESSIONAL_SERVICE,
        description: '充电桩安装和线路检测',
        quantity: '8.00',
        unit: '个',
        pledges: [],
      },
    ],
    deliverables: [],
  },
  {
    title: '李棋街道邻里互助·独居老人关爱',
    summary: '（筹备中）社区党组织拟联合邻里互助促进会，为独居老人结对“邻里守望”志愿者。',
    category: ProjectCategory.ELDERLY_CARE,
    township: '李棋街道',
    status: ProjectStatus.DRAFT,
    startedDaysAgo: -30,
    lastsDays: 365,
    partners: [{ key: 'neighbours', kind: SOCIAL_ORGANISATION, name: '邻里互助', role: CO_LEAD, status: ProjectPartnerStatus.INVITED }],
    needs: [
      {
        key: 'pairs',
        kind: NeedKind.VOLUNTEER_HOURS,
        description: '结对志愿者每周探访',
        quantity: '400.00',
        unit: '小时',
        pledges: [],
      },
    ],
    deliverables: [],
  },
  {
    title: '玉带街道背街小巷路灯改造',
    summary: '拟为 14 条背街小巷更换节能路灯。因纳入市政统一改造计划，项目已取消，认捐已退回。',
    category: ProjectCategory.INFRASTRUCTURE,
    township: '玉带街道',
    status: ProjectStatus.CANCELLED,
    statusReason: '已纳入市政道路照明统一改造计划，避免重复建设',
    startedDaysAgo: 20,
    lastsDays: 60,
    partners: [{ key: 'transport', kind: ENTERPRISE, name: '公共交通', role: SUPPORTER }],
    needs: [
      {
        key: 'lamps',
        kind: NeedKind.MATERIALS,
        description: 'LED 节能路灯',
        quantity: '120.00',
        unit: '盏',
        pledges: [{ by: 'transport', quantity: '40.00', status: PledgeStatus.CANCELLED }],
      },
    ],
    deliverables: [],
  },
];
