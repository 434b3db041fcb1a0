/**
 * Names of the demo objects the demo accounts are attached to, so tests and docs can find them without
 * hard-coding ids (ids differ on every seed; names do not).
 */
export const DEMO_FIXTURES = {
  district: '红塔区',
  /** The street 13800000002 administers. */
  township: '玉兴街道',
  /** The community of 玉兴街道 where the branch secretary, the grid worker and the resident live. */
  community: '玉湖社区',
  /** The grid of 玉湖社区 worked by 13800000008, where 13800000009 lives. */
  grid: '第一网格',
  /** The community party branch 13800000003 runs (ADMIN). */
  partyBranch: '中共红塔区玉兴街道玉湖社区支部委员会',
  /** The verified private enterprise in 玉兴街道 that 13800000004 works for (MEMBER). */
  enterprise: '玉溪佳和物业服务有限公司',
  /** The verified social organisation 13800000005 coordinates (COORDINATOR). */
  socialOrganisation: '红塔区仁爱社会工作服务中心',
  /** The local body of 民盟 that 13800000006 belongs to (MEMBER). */
  democraticPartyBody: '民盟红塔区基层委员会',
  /** The government department 13800000007 works in (MEMBER). */
  department: '红塔区民政局',
  /** The one organisation whose verification was rejected (it has a note). */
  rejectedOrganisation: '红塔区玉兴街道广场舞爱好者协会',
} as const;
