/**
 * The demo's party-branch commitments (承诺—践诺—评诺): fixed content for the demo branch, its street's
 * committee, three more branches of the street and branches elsewhere, in every status. Days are
 * relative to the moment of seeding (negative: in the past).
 */
export interface CommitmentStory {
  /**
   * Whose: the demo branch, the committee of a township, or the branch of the `village`-th village of a
   * township (villages by name, the demo community left out).
   */
  branch: { demo: true } | { committee: string } | { township: string; village: number };
  /** Made personally by a party member reporting to the branch (双报到). */
  personal?: boolean;
  title: string;
  description: string;
  beneficiary: string;
  dueInDays: number;
  /** Fulfilled this many days ago; unfulfilled when absent. */
  fulfilledDaysAgo?: number;
  fulfilmentNote?: string;
  internal?: boolean;
  /** A part of the title of a demo project it serves. */
  project?: string;
  progress?: { daysAgo: number; note: string; evidence?: string[] }[];
  /** Ratings by residents of the region (评诺), in order. */
  ratings?: { score: number; comment?: string }[];
}

const photo = (name: string) => `https://gongzhi.example/evidence/${name}.jpg`;
const YUXING = '玉兴街道';

export const COMMITMENT_STORIES: readonly CommitmentStory[] = [
  // The demo branch (中共红塔区玉兴街道玉湖社区支部委员会), run by 13800000003.
  {
    branch: { demo: true },
    title: '党员结对独居老人，每周上门探访一次',
    description: '支部 12 名党员与社区 18 位独居老人结对，每周至少上门一次，帮助解决买药、缴费、小修小补等困难。',
    beneficiary: '玉湖社区独居老人',
    dueInDays: -20,
    fulfilledDaysAgo: 22,
    fulfilmentNote: '18 位老人全部结对，台账已公示',
    progress: [
      { daysAgo: 50, note: '完成结对名单，18 位老人全部对接到人', evidence: [photo('pairing-list')] },
      { daysAgo: 35, note: '累计上门 96 人次，代购药品 23 次' },
    ],
    ratings: [{ score: 5, comment: '王书记亲自来过好几次，很贴心' }, { score: 4 }, { score: 5, comment: '帮我修好了水龙头' }],
  },
  {
    branch: { demo: true },
    title: '协调解决 3 号楼雨污管网堵塞问题',
    description: '协调物业和施工单位，疏通并改造 3 号楼雨污管网，雨季前完工。',
    beneficiary: '玉湖社区 3 号楼住户',
    dueInDays: -30,
    fulfilledDaysAgo: 35,
    project: '老旧小区改造',
    progress: [{ daysAgo: 45, note: '施工单位进场，完成管网检测', evidence: [photo('pipe-inspection')] }],
    ratings: [{ score: 4 }, { score: 3, comment: '修好了，但施工期间噪音较大' }],
  },
  {
    branch: { demo: true },
    title: '组织党员志愿者清理楼道堆物',
    description: '联合社工机构组织党员志愿者，清理 1—6 号楼楼道杂物，消除消防隐患。',
    beneficiary: '玉湖社区 1—6 号楼居民',
    dueInDays: -12,
    fulfilledDaysAgo: 8,
    fulfilmentNote: '因雨延期，现已全部清理完毕',
    progress: [
      { daysAgo: 15, note: '已清理 1—3 号楼，4—6 号楼因降雨顺延', evidence: [photo('stairwell-before'), photo('stairwell-after')] },
    ],
  },
  {
    branch: { demo: true },
    title: '开设“红湖夜话”居民议事会',
    description: '每月第二个周四晚在党群服务中心召开居民议事会，议题由居民点单。',
    beneficiary: '玉湖社区全体居民',
    dueInDays: 5,
    fulfilledDaysAgo: 1,
    fulfilmentNote: '首次议事会已召开，到会居民 46 人',
  },
  {
    branch: { demo: true },
    title: '完成加装电梯意见征集',
    description: '入户征集 1—6 号楼住户对加装电梯方案和费用分摊的意见，形成征集报告。',
    beneficiary: '玉湖社区 1—6 号楼住户',
    dueInDays: 4,
    project: '老旧小区改造',
    progress: [{ daysAgo: 3, note: '已征集 4 个单元，同意率 87%' }],
  },
  {
    branch: { demo: true },
    title: '修缮社区老年活动室屋顶漏水',
    description: '更换老年活动室破损屋面防水层，恢复活动室正常使用。',
    beneficiary: '玉湖社区老年人',
    dueInDays: -3,
    progress: [{ daysAgo: 10, note: '已联系施工队，防水材料尚未到货' }],
  },
  {
    branch: { demo: true },
    title: '建立党员“双报到”服务清单',
    description: '梳理在职党员专业特长，形成服务清单并与社区需求对接。',
    beneficiary: '到社区报到的在职党员',
    dueInDays: 40,
    internal: true,
  },
  {
    branch: { demo: true },
    personal: true,
    title: '每月为楼栋行动不便老人代购一次药品',
    description: '本人承诺每月固定一天为所在楼栋行动不便的老人代购常用药品。',
    beneficiary: '所住楼栋行动不便的老人',
    dueInDays: 25,
  },
  // The street's party committee.
  {
    branch: { committee: YUXING },
    title: '年内实现街道社区食堂全覆盖',
    description: '依托社区食堂·助老餐项目，年内在街道每个社区开设社区食堂或助餐点。',
    beneficiary: '玉兴街道老年居民',
    dueInDays: 45,
    project: '社区食堂',
    progress: [{ daysAgo: 12, note: '已开设 4 个助餐点，另有 2 个正在装修' }],
  },
  // Other branches of the street.
  {
    branch: { township: YUXING, village: 0 },
    title: '为老旧楼道安装声控感应灯',
    description: '为辖区 12 栋老旧住宅楼楼道安装声控感应灯。',
    beneficiary: '辖区老旧小区居民',
    dueInDays: -15,
    fulfilledDaysAgo: 18,
    ratings: [{ score: 5, comment: '晚上回家终于不用摸黑了' }, { score: 5 }],
  },
  {
    branch: { township: YUXING, village: 1 },
    title: '清理背街小巷卫生死角',
    description: '组织党员和志愿者清理背街小巷卫生死角，建立长效保洁机制。',
    beneficiary: '辖区居民',
    dueInDays: -8,
  },
  {
    branch: { township: YUXING, village: 2 },
    title: '开展反诈宣传进小区',
    description: '联合派出所在辖区小区开展反电信诈骗宣传，覆盖全部老年居民。',
    beneficiary: '辖区老年居民',
    dueInDays: 6,
    progress: [{ daysAgo: 4, note: '已在 3 个小区开展宣传，发放资料 600 份', evidence: [photo('anti-fraud')] }],
  },
  // Branches elsewhere in the district.
  {
    branch: { township: '北城街道', village: 0 },
    title: '“和事佬”调解邻里纠纷不出社区',
    description: '依托调解室，做到一般邻里纠纷当月受理、当月化解。',
    beneficiary: '北城街道居民',
    dueInDays: -25,
    fulfilledDaysAgo: 26,
    project: '矛盾纠纷调解室',
    ratings: [{ score: 4 }, { score: 4, comment: '调解员很耐心' }, { score: 3 }],
  },
  {
    branch: { township: '北城街道', village: 1 },
    title: '为困难家庭申请临时救助',
    description: '摸排辖区困难家庭，协助符合条件的家庭申请临时救助。',
    beneficiary: '辖区困难家庭',
    dueInDays: -2,
    fulfilledDaysAgo: 3,
    fulfilmentNote: '7 户家庭已获批临时救助',
  },
  {
    branch: { township: '研和街道', village: 0 },
    title: '帮助 20 户农户开通网店',
    description: '结合“云上农场”项目，手把手帮助农户开通网店、上架农产品。',
    beneficiary: '研和街道农户',
    dueInDays: 30,
    project: '云上农场',
    progress: [{ daysAgo: 6, note: '已有 9 户开通网店' }],
  },
  {
    branch: { township: '研和街道', village: 1 },
    title: '修复村组道路坑洼路段',
    description: '修复村内主干道 3 处坑洼路段，方便群众出行。',
    beneficiary: '村内群众',
    dueInDays: -20,
    progress: [{ daysAgo: 25, note: '已完成 1 处，另 2 处待资金到位' }],
  },
  {
    branch: { township: '春和街道', village: 0 },
    title: '河道保洁责任落实到人',
    description: '把玉溪大河沿线保洁责任落实到党员和志愿者，公示责任表。',
    beneficiary: '玉溪大河沿岸居民',
    dueInDays: 2,
    project: '河道保洁',
  },
  {
    branch: { township: '春和街道', village: 1 },
    title: '设立村级便民服务代办点',
    description: '在村党群服务中心设立代办点，代办社保、医保等常办事项。',
    beneficiary: '村内群众',
    dueInDays: -40,
    fulfilledDaysAgo: 41,
    ratings: [{ score: 5 }, { score: 4, comment: '办事不用再跑街道了' }],
  },
  {
    branch: { township: '小石桥彝族乡', village: 0 },
    title: '花灯进村演出 6 场',
    description: '联合花灯艺术协会，在乡内 6 个村寨巡回演出。',
    beneficiary: '小石桥彝族乡群众',
    dueInDays: -50,
    fulfilledDaysAgo: 52,
    project: '花灯进村',
    ratings: [{ score: 5, comment: '好多年没在村里看过花灯了' }],
  },
  {
    branch: { township: '小石桥彝族乡', village: 1 },
    personal: true,
    title: '周末为留守儿童辅导功课',
    description: '本人承诺每个周末下午为村里留守儿童辅导功课。',
    beneficiary: '村内留守儿童',
    dueInDays: 20,
  },
];
