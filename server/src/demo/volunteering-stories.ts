/**
 * The demo's volunteer activities: fixed content attached to the demo projects by title, dated relative
 * to the moment of seeding. Shifts in the past were served (hours credited, the odd no-show, adjusted
 * hours and a correction); shifts ahead are open for sign-up, one of them full with a waitlist.
 */
export interface ShiftStory {
  /** Days from today (negative: already served). Never 0: no shift is running while the seed runs. */
  day: number;
  /** Start in China time, HH:MM. */
  from: string;
  /** Length in whole or half hours. */
  hours: number;
  capacity: number;
  /** Sign-ups, in order: beyond the capacity they wait. */
  volunteers: number;
  skills?: string[];
  /** Whether the demo volunteer (13800000006) is the first to sign up. */
  demoVolunteer?: boolean;
  /** Past shifts: the sign-up at this index did not come. */
  noShow?: number;
  /** Past shifts: the sign-up at this index served other hours than the shift's length, with a reason. */
  adjusted?: { index: number; hours: string; reason: string };
  /** Past shifts: a coordinator later corrected the hours of the sign-up at this index. */
  corrected?: { index: number; hours: string; reason: string };
  /** The sign-up at this index cancelled (a waiting volunteer moved up, if any). */
  cancelled?: number;
}

export interface ActivityStory {
  /** A part of the demo project's title. */
  project: string;
  /** A part of the organising partner's name; the lead organises when no accepted partner matches. */
  organiser?: string;
  title: string;
  description: string;
  place: string;
  /** Deliver the hours against the project's VOLUNTEER_HOURS need. */
  deliversHours: boolean;
  shifts: ShiftStory[];
}

export const ACTIVITY_STORIES: readonly ActivityStory[] = [
  {
    project: '老旧小区改造',
    organiser: '仁爱社会工作',
    title: '楼道清理与加装电梯入户宣传',
    description: '清理老旧楼道堆放杂物，入户讲解加装电梯方案、征求居民意见，帮助行动不便的老人登记需求。',
    place: '玉湖社区党群服务中心集合',
    deliversHours: true,
    shifts: [
      { day: -20, from: '09:00', hours: 3, capacity: 6, volunteers: 5, demoVolunteer: true, skills: ['政策宣讲'] },
      {
        day: -13,
        from: '14:30',
        hours: 3,
        capacity: 6,
        volunteers: 6,
        demoVolunteer: true,
        noShow: 4,
        adjusted: { index: 0, hours: '2.50', reason: '临时有事提前半小时离开' },
      },
      {
        day: -6,
        from: '09:00',
        hours: 4,
        capacity: 8,
        volunteers: 5,
        demoVolunteer: true,
        corrected: { index: 1, hours: '0.50', reason: '补录活动结束后整理物资的时间' },
        cancelled: 4,
      },
      { day: 3, from: '09:00', hours: 3, capacity: 5, volunteers: 8, demoVolunteer: true, skills: ['助老陪护'] },
      { day: 10, from: '14:30', hours: 3, capacity: 8, volunteers: 3 },
    ],
  },
  {
    project: '社区食堂',
    organiser: '居家养老服务中心',
    title: '助老送餐与食堂帮厨',
    description: '午餐时段在社区食堂帮厨、为行动不便的独居老人送餐上门，顺带了解老人近况。',
    place: '玉兴街道社区食堂',
    deliversHours: true,
    shifts: [
      { day: -14, from: '10:30', hours: 2.5, capacity: 6, volunteers: 6, noShow: 5 },
      { day: -7, from: '10:30', hours: 2.5, capacity: 6, volunteers: 4 },
      {
        day: -1,
        from: '10:30',
        hours: 2.5,
        capacity: 6,
        volunteers: 6,
        adjusted: { index: 2, hours: '3.50', reason: '送餐路线较远，延长一小时' },
      },
      { day: 2, from: '10:30', hours: 2.5, capacity: 6, volunteers: 4, skills: ['助老陪护'] },
      { day: 9, from: '10:30', hours: 2.5, capacity: 6, volunteers: 2 },
    ],
  },
  {
    project: '矛盾纠纷调解室',
    organiser: '人民调解员协会',
    title: '法律咨询志愿服务日',
    description: '在调解室为居民提供婚姻家庭、邻里纠纷、劳动用工方面的免费法律咨询。',
    place: '北城街道“和事佬”调解室',
    deliversHours: true,
    shifts: [
      { day: -10, from: '09:00', hours: 3, capacity: 4, volunteers: 3, demoVolunteer: true, skills: ['法律咨询'] },
      { day: 5, from: '09:00', hours: 3, capacity: 4, volunteers: 2, skills: ['法律咨询'] },
    ],
  },
  {
    project: '河道保洁',
    title: '玉溪大河河道清洁日',
    description: '沿河步道捡拾垃圾、清理河岸漂浮物，向沿河商户宣传“门前三包”。',
    place: '春和街道玉溪大河东岸步道',
    deliversHours: true,
    shifts: [{ day: 6, from: '08:30', hours: 3, capacity: 20, volunteers: 7, skills: ['垃圾分类宣传'] }],
  },
  {
    project: '花灯进村',
    organiser: '花灯艺术协会',
    title: '花灯进村演出保障',
    description: '协助搭台、维持观演秩序、为村里老人引导座位。',
    place: '小石桥彝族乡各村文化广场',
    deliversHours: false,
    shifts: [
      { day: -60, from: '18:30', hours: 3, capacity: 10, volunteers: 6 },
      { day: -45, from: '18:30', hours: 3, capacity: 10, volunteers: 5 },
    ],
  },
];

/** The points rate the demo social organisation set for itself (the platform default is 10 per hour). */
export const DEMO_POINTS_RULE = { organiser: '仁爱社会工作', pointsPerHour: '12.00', daysAgo: 30 } as const;
