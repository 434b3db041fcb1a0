export interface DemoAccount {
  role: string;
  identifier: string;
  password: string;
  name: string;
}

/** Demo passwords exist only in demo data; real accounts are created through signUp. */
export const DEMO_PASSWORD = 'gongzhi-demo';

/** One demo account per kind of user, printed by `pnpm start` and listed in the README. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { role: 'Platform administrator', identifier: '13800000001', password: DEMO_PASSWORD, name: '郑平安' },
  { role: 'Region administrator', identifier: '13800000002', password: DEMO_PASSWORD, name: '李玉兴' },
  { role: 'Party branch secretary', identifier: '13800000003', password: DEMO_PASSWORD, name: '王红梅' },
  { role: 'Enterprise staff', identifier: '13800000004', password: DEMO_PASSWORD, name: '张建国' },
  { role: 'Social organisation coordinator', identifier: '13800000005', password: DEMO_PASSWORD, name: '陈晓燕' },
  { role: 'Democratic-party volunteer', identifier: '13800000006', password: DEMO_PASSWORD, name: '刘志明' },
  { role: 'Government officer', identifier: '13800000007', password: DEMO_PASSWORD, name: '杨文华' },
  { role: 'Grid worker', identifier: '13800000008', password: DEMO_PASSWORD, name: '赵秀兰' },
  { role: 'Resident', identifier: '13800000009', password: DEMO_PASSWORD, name: '孙大伟' },
];
