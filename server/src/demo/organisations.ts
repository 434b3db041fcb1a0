import { OrganisationKind, OrganisationSubtype, VerificationStatus } from '../organisations/organisation.enums.js';
import { DemocraticParty } from '../people/person.enums.js';
import { CREDIT_CODE_PREFIX } from './credit-codes.js';
import { DEMO_FIXTURES } from './fixtures.js';

/** A district-level partner organisation of the demo, as written by hand. */
export interface OrganisationSeed {
  name: string;
  kind: OrganisationKind;
  subtype?: OrganisationSubtype;
  democraticParty?: DemocraticParty;
  /** First two characters of its credit code; absent when it has none (democratic-party bodies). */
  creditPrefix?: string;
  description: string;
  address: string;
  /** Township it is based in; absent = district-wide (region 红塔区). */
  township?: string;
  /** With `township`: based in that township's first community rather than the township itself. */
  inFirstVillage?: boolean;
  /** Name of its own party organisation (机关/企业党组织), created under the district committee. */
  partyOrganisation?: { name: string; subtype: OrganisationSubtype };
  /** Everything is verified unless said otherwise. */
  status?: VerificationStatus;
  verificationNote?: string;
}

const organ = CREDIT_CODE_PREFIX.organ;

/** Departments of the district government (区政府工作部门), each with its organ party branch. */
export const DEPARTMENTS: readonly OrganisationSeed[] = [
  ['红塔区民政局', '社会救助、养老服务、社区治理和社会组织登记管理', '红塔区红塔大道28号'],
  ['红塔区人力资源和社会保障局', '就业创业服务、社会保险和劳动关系协调', '红塔区玉兴路45号'],
  ['红塔区住房和城乡建设局', '城乡建设、老旧小区改造和物业服务监管', '红塔区聂耳路16号'],
  ['红塔区农业农村局', '农业产业发展、农村集体经济和乡村振兴', '红塔区珊瑚路89号'],
  ['红塔区卫生健康委员会', '公共卫生、基层医疗和健康服务', '红塔区东风南路12号'],
  ['红塔区司法局', '人民调解、法律援助和普法宣传', '红塔区玉兴路33号'],
  ['玉溪市生态环境局红塔分局', '生态环境保护、污染防治和环境执法', '红塔区抚仙路7号'],
  ['红塔区教育体育局', '基础教育、校外教育和全民健身', '红塔区红塔大道56号'],
  ['红塔区退役军人事务局', '退役军人服务保障和双拥工作', '红塔区凤凰路21号'],
  ['红塔区应急管理局', '防灾减灾、安全生产和应急救援', '红塔区北苑路3号'],
].map(([name, description, address]) => ({
  name: name!,
  kind: OrganisationKind.GOVERNMENT_DEPARTMENT,
  creditPrefix: organ,
  description: description!,
  address: address!,
  partyOrganisation: { name: `中共${name}机关支部委员会`, subtype: OrganisationSubtype.PARTY_BRANCH },
}));

const enterprise = CREDIT_CODE_PREFIX.enterprise;

/** State-owned and private enterprises; village collective companies are generated per village. */
export const ENTERPRISES: readonly OrganisationSeed[] = [
  {
    name: '玉溪市红塔区城市建设投资集团有限公司',
    subtype: OrganisationSubtype.STATE_OWNED,
    description: '城市基础设施投资建设、老旧小区改造和保障性住房运营',
    address: '红塔区红塔大道99号',
    partyOrganisation: { name: '中共玉溪市红塔区城市建设投资集团有限公司委员会', subtype: OrganisationSubtype.PARTY_COMMITTEE },
  },
  {
    name: '玉溪市红塔区国有资本投资运营有限公司',
    subtype: OrganisationSubtype.STATE_OWNED,
    description: '区属国有资本投资运营和产业引导',
    address: '红塔区玉兴路101号',
    partyOrganisation: { name: '中共玉溪市红塔区国有资本投资运营有限公司总支部委员会', subtype: OrganisationSubtype.PARTY_GENERAL_BRANCH },
  },
  {
    name: '玉溪市红塔区水务有限责任公司',
    subtype: OrganisationSubtype.STATE_OWNED,
    description: '城乡供水、污水处理和管网维护',
    address: '红塔区东风北路18号',
    partyOrganisation: { name: '中共玉溪市红塔区水务有限责任公司支部委员会', subtype: OrganisationSubtype.PARTY_BRANCH },
  },
  {
    name: '玉溪市红塔区农业发展投资有限公司',
    subtype: OrganisationSubtype.STATE_OWNED,
    description: '高原特色农业项目投资和农产品流通',
    address: '红塔区研和街道研和路6号',
    township: '研和街道',
  },
  {
    name: '玉溪市红塔区公共交通有限公司',
    subtype: OrganisationSubtype.STATE_OWNED,
    description: '城市公交和城乡客运',
    address: '红塔区北城街道北苑路66号',
    township: '北城街道',
  },
  {
    name: DEMO_FIXTURES.enterprise,
    subtype: OrganisationSubtype.PRIVATE,
    description: '住宅小区物业服务，参与社区“红色物业”共建',
    address: '红塔区玉兴街道玉湖社区玉湖路8号',
    township: DEMO_FIXTURES.township,
    inFirstVillage: true,
  },
  {
    name: '玉溪市鑫源商贸有限公司',
    subtype: OrganisationSubtype.PRIVATE,
    description: '日用百货批发零售，社区便民超市',
    address: '红塔区玉兴街道南苑路15号',
    township: '玉兴街道',
  },
  {
    name: '玉溪市红塔区绿源农业科技有限公司',
    subtype: OrganisationSubtype.PRIVATE,
    description: '蔬菜种植技术推广和农资服务',
    address: '红塔区高仓街道高仓路22号',
    township: '高仓街道',
  },
  {
    name: '玉溪市康乐家政服务有限公司',
    subtype: OrganisationSubtype.PRIVATE,
    description: '家政、助老助残和母婴护理服务',
    address: '红塔区凤凰街道凤凰路120号',
    township: '凤凰街道',
  },
  {
    name: '玉溪天成建筑工程有限公司',
    subtype: OrganisationSubtype.PRIVATE,
    description: '房屋建筑、市政工程和农村危房改造',
    address: '红塔区春和街道春和路38号',
    township: '春和街道',
  },
  {
    name: '玉溪市顺通物流有限公司',
    subtype: OrganisationSubtype.PRIVATE,
    description: '城乡物流配送和农产品冷链运输',
    address: '红塔区大营街街道大营街路5号',
    township: '大营街街道',
  },
  {
    name: '玉溪市润丰农产品有限公司',
    subtype: OrganisationSubtype.PRIVATE,
    description: '农产品收购、加工和电商销售',
    address: '红塔区李棋街道李棋路71号',
    township: '李棋街道',
  },
  {
    name: '玉溪市红塔区明德教育咨询有限公司',
    subtype: OrganisationSubtype.PRIVATE,
    description: '课后托管和青少年素质教育',
    address: '红塔区北城街道北城路9号',
    township: '北城街道',
  },
  {
    name: '玉溪市安居电器维修服务有限公司',
    subtype: OrganisationSubtype.PRIVATE,
    description: '家电维修、水电维修上门服务',
    address: '红塔区玉兴街道东风中路30号',
    township: '玉兴街道',
    status: VerificationStatus.PENDING,
  },
  {
    name: '玉溪市花田里花卉种植有限公司',
    subtype: OrganisationSubtype.PRIVATE,
    description: '鲜切花种植和花卉苗木销售',
    address: '红塔区洛河彝族乡洛河路3号',
    township: '洛河彝族乡',
    status: VerificationStatus.PENDING,
  },
  {
    name: '玉溪市红塔区聚福餐饮管理有限公司',
    subtype: OrganisationSubtype.PRIVATE,
    description: '社区长者食堂和团餐服务',
    address: '红塔区凤凰街道龙马路12号',
    township: '凤凰街道',
  },
  {
    name: '玉溪市兴达汽车运输有限公司',
    subtype: OrganisationSubtype.PRIVATE,
    description: '道路货物运输和汽车维修',
    address: '红塔区玉带街道玉带路88号',
    township: '玉带街道',
  },
  {
    name: '玉溪市红塔区彩云印务有限公司',
    subtype: OrganisationSubtype.PRIVATE,
    description: '包装印刷和宣传品制作',
    address: '红塔区春和街道工业园区2号',
    township: '春和街道',
  },
].map((seed) => ({ ...seed, kind: OrganisationKind.ENTERPRISE, creditPrefix: enterprise }));

const { association, serviceCentre } = CREDIT_CODE_PREFIX;

/** Social organisations (社会组织): associations and service centres. */
export const SOCIAL_ORGANISATIONS: readonly OrganisationSeed[] = [
  {
    name: DEMO_FIXTURES.socialOrganisation,
    creditPrefix: serviceCentre,
    description: '社会工作专业服务：困境儿童关爱、独居老人探访和社区营造',
    address: '红塔区玉兴街道玉湖社区服务中心二楼',
    township: DEMO_FIXTURES.township,
  },
  {
    name: '红塔区志愿者协会',
    creditPrefix: association,
    description: '志愿者招募、培训和志愿服务项目统筹',
    address: '红塔区红塔大道28号',
  },
  {
    name: '红塔区玉兴街道居家养老服务中心',
    creditPrefix: serviceCentre,
    description: '居家养老上门服务、日间照料和助餐',
    address: '红塔区玉兴街道南苑路40号',
    township: '玉兴街道',
  },
  {
    name: '红塔区心连心青少年服务中心',
    creditPrefix: serviceCentre,
    description: '青少年心理辅导、四点半课堂和假期托管',
    address: '红塔区北城街道北城路60号',
    township: '北城街道',
  },
  {
    name: '红塔区老年人协会',
    creditPrefix: association,
    description: '老年文体活动、老年维权和互助服务',
    address: '红塔区凤凰路21号',
  },
  {
    name: '红塔区慈善总会',
    creditPrefix: association,
    description: '慈善募捐、困难群众救助和公益项目资助',
    address: '红塔区红塔大道30号',
  },
  {
    name: '红塔区阳光助残服务中心',
    creditPrefix: serviceCentre,
    description: '残疾人康复、辅助就业和家庭支持',
    address: '红塔区春和街道春和路12号',
    township: '春和街道',
  },
  {
    name: '红塔区邻里互助促进会',
    creditPrefix: association,
    description: '邻里互助、楼栋自治和社区议事协商',
    address: '红塔区凤凰街道凤凰路88号',
    township: '凤凰街道',
  },
  {
    name: '红塔区家庭教育指导服务中心',
    creditPrefix: serviceCentre,
    description: '家庭教育讲座和亲子活动',
    address: '红塔区玉带街道玉带路20号',
    township: '玉带街道',
  },
  {
    name: '红塔区花灯艺术协会',
    creditPrefix: association,
    description: '玉溪花灯传承、演出和进社区惠民演出',
    address: '红塔区聂耳路52号',
  },
  {
    name: '红塔区摄影家协会',
    creditPrefix: association,
    description: '摄影创作、乡村振兴影像记录',
    address: '红塔区珊瑚路16号',
  },
  {
    name: '红塔区人民调解员协会',
    creditPrefix: association,
    description: '人民调解员培训和矛盾纠纷化解',
    address: '红塔区玉兴路33号',
  },
  {
    name: '红塔区益家社会工作服务中心',
    creditPrefix: serviceCentre,
    description: '社区矫正帮扶和困难家庭个案服务',
    address: '红塔区玉兴街道东风中路66号',
    township: '玉兴街道',
    status: VerificationStatus.PENDING,
  },
  {
    name: '红塔区研和乡村振兴促进会',
    creditPrefix: association,
    description: '乡贤联络、产业帮扶和乡风文明建设',
    address: '红塔区研和街道研和路20号',
    township: '研和街道',
    status: VerificationStatus.PENDING,
  },
  {
    name: DEMO_FIXTURES.rejectedOrganisation,
    creditPrefix: association,
    description: '广场舞健身活动和文艺展演',
    address: '红塔区玉兴街道玉湖广场',
    township: '玉兴街道',
    status: VerificationStatus.REJECTED,
    verificationNote: '提交的社会团体法人登记证书名称与申请名称不一致，请核对后重新提交。',
  },
].map((seed) => ({ ...seed, kind: OrganisationKind.SOCIAL_ORGANISATION }));

/** Local bodies of the democratic parties (民主党派基层组织) in the district. */
export const DEMOCRATIC_PARTY_BODIES: readonly OrganisationSeed[] = (
  [
    ['民革红塔区支部', DemocraticParty.RCCK, '参政议政、祖国统一和社会服务'],
    [DEMO_FIXTURES.democraticPartyBody, DemocraticParty.CDL, '教育文化界参政议政和“烛光行动”社会服务'],
    ['民建红塔区支部', DemocraticParty.CNDCA, '经济界参政议政和助企服务'],
    ['民进红塔区支部', DemocraticParty.CAPD, '教育出版界参政议政和送教下乡'],
    ['农工党红塔区支部', DemocraticParty.CPWDP, '医药卫生界参政议政和义诊服务'],
    ['致公党红塔区支部', DemocraticParty.CZGP, '侨界联络和社会服务'],
    ['九三学社红塔区支社', DemocraticParty.JIUSAN, '科技界参政议政和科普服务'],
  ] as const
).map(([name, democraticParty, description]) => ({
  name,
  kind: OrganisationKind.DEMOCRATIC_PARTY,
  democraticParty,
  description,
  address: '红塔区红塔大道28号统战大楼',
}));

const publicInstitution = CREDIT_CODE_PREFIX.publicInstitution;

/** Public institutions (事业单位): schools and health centres. */
export const PUBLIC_INSTITUTIONS: readonly OrganisationSeed[] = [
  {
    name: '红塔区玉兴路小学',
    description: '公办小学，开展社区课后服务',
    address: '红塔区玉兴街道玉兴路70号',
    township: '玉兴街道',
    partyOrganisation: { name: '中共红塔区玉兴路小学支部委员会', subtype: OrganisationSubtype.PARTY_BRANCH },
  },
  { name: '红塔区第二中学', description: '公办初级中学', address: '红塔区北城街道北城路120号', township: '北城街道' },
  {
    name: '红塔区小石桥彝族乡卫生院',
    description: '乡镇卫生院：基本医疗、公共卫生和家庭医生签约',
    address: '红塔区小石桥彝族乡小石桥街1号',
    township: '小石桥彝族乡',
  },
  {
    name: '红塔区洛河彝族乡卫生院',
    description: '乡镇卫生院：基本医疗、公共卫生和家庭医生签约',
    address: '红塔区洛河彝族乡洛河街5号',
    township: '洛河彝族乡',
  },
  {
    name: '红塔区凤凰街道社区卫生服务中心',
    description: '社区卫生服务：慢病管理、老年人体检和预防接种',
    address: '红塔区凤凰街道凤凰路56号',
    township: '凤凰街道',
  },
].map((seed) => ({ ...seed, kind: OrganisationKind.PUBLIC_INSTITUTION, creditPrefix: publicInstitution }));
