import { DemandCategory } from '../demands/demand.enums.js';

/** What residents of a street ask for, per category, in their words. */
export const DEMAND_DESCRIPTIONS: Readonly<Record<DemandCategory, readonly string[]>> = {
  [DemandCategory.ELDERLY_CARE]: ['家中老人独居，希望有人定期上门探望', '希望社区提供老年助餐服务', '老人行动不便，需要助浴服务'],
  [DemandCategory.CHILDCARE]: ['双职工家庭，孩子放学后无人照看', '希望暑假开设托管班'],
  [DemandCategory.EMPLOYMENT]: ['失业在家，希望参加技能培训', '想了解灵活就业人员社保补贴政策'],
  [DemandCategory.ENVIRONMENT_SANITATION]: ['小区垃圾清运不及时，夏天有异味', '楼道堆放杂物，影响通行', '绿化带里有建筑垃圾'],
  [DemandCategory.ROADS_FACILITIES]: [
    '楼东侧路灯不亮，晚上出行不便',
    '小区门口路面坑洼，下雨积水',
    '健身器材损坏，需要维修',
    '单元门禁损坏',
  ],
  [DemandCategory.SAFETY]: ['小区围墙有裂缝，担心倒塌', '有人在楼道给电动车充电，存在火灾隐患'],
  [DemandCategory.NEIGHBOUR_DISPUTE]: ['楼上漏水，与邻居协商未果', '邻居装修噪音太大，影响老人休息'],
  [DemandCategory.LEGAL_HELP]: ['被拖欠工资，需要法律援助', '房屋租赁合同纠纷，想咨询律师'],
  [DemandCategory.HEALTH]: ['希望社区组织慢病健康讲座', '老人想签约家庭医生'],
  [DemandCategory.CULTURE]: ['希望社区阅览室周末开放', '广场舞队需要排练场地'],
  [DemandCategory.OTHER]: ['咨询居住证办理流程', '希望增加社区便民服务点'],
};

export const PLACES: readonly string[] = ['楼栋附近', '小区东门', '社区广场', '单元楼道', '小区停车场', '活动室门口'];

export const ACTION_NOTES: readonly string[] = ['已电话联系居民，约定上门时间', '已安排工作人员现场查看', '已联系相关部门协同处理'];

export const RESOLUTION_NOTES: readonly string[] = ['已上门处理完毕，居民确认', '已维修完成并拍照存档', '已协调解决，后续将定期回访'];

export const RATING_COMMENTS = {
  SATISFIED: ['处理很及时，谢谢', '工作人员态度很好'],
  PARTLY: ['问题解决了，但等了比较久', '基本解决，希望以后更快一些'],
  UNSATISFIED: ['问题没有根本解决', '处理后又出现了同样的问题'],
} as const;

export const REJECTION_REASONS: readonly string[] = ['属于市政道路管理范围，已告知居民拨打12345', '重复提交，已在原工单中处理'];

export const DECLINE_REASONS: readonly string[] = ['不在我单位服务范围内', '近期人手不足，无法按时处理'];
