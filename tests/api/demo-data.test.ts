import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, DEMO_ACCOUNTS, DEMO_FIXTURES, normaliseCreditCode, seedDemoOnce, seedDistrict } from '@gongzhi/server';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

const count = async (query: string, params: unknown[] = []) => Number((await server.sql<{ n: string }>(query, params))[0]!.n);

const TOWNSHIPS = [
  '玉兴街道',
  '凤凰街道',
  '北城街道',
  '春和街道',
  '李棋街道',
  '大营街街道',
  '研和街道',
  '高仓街道',
  '小石桥彝族乡',
  '洛河彝族乡',
  '玉带街道',
];

/** Every region with the names of its ancestors ("云南省/玉溪市/红塔区/玉兴街道/…"): uuids differ between seeds, names do not. */
const NAME_TREE = `with recursive tree as (
    select id, name::text as name_path from region where parent_id is null
    union all
    select r.id, t.name_path || '/' || r.name from region r join tree t on r.parent_id = t.id
  )`;

describe('demo regions', () => {
  it('places 红塔区 under 玉溪市 under 云南省 with its 11 townships and 109 villages', async () => {
    const chain = await server.sql<{ name: string; level: string; division_code: string }>(
      `select name, level, division_code from region where level in ('PROVINCE', 'CITY', 'DISTRICT') order by path`,
    );
    expect(chain).toEqual([
      { name: '云南省', level: 'PROVINCE', division_code: '530000000000' },
      { name: '玉溪市', level: 'CITY', division_code: '530400000000' },
      { name: '红塔区', level: 'DISTRICT', division_code: '530402000000' },
    ]);
    const townships = await server.sql<{ name: string; division_code: string }>(
      `select t.name, t.division_code from region t join region d on d.id = t.parent_id
        where d.name = '红塔区' and t.level = 'TOWNSHIP'`,
    );
    expect(townships.map((row) => row.name).sort()).toEqual([...TOWNSHIPS].sort());
    expect(townships.every((row) => /^530402\d{3}000$/.test(row.division_code))).toBe(true);
    expect(
      await count(
        `select count(*) as n from region v join region t on t.id = v.parent_id where v.level = 'VILLAGE' and t.level = 'TOWNSHIP'`,
      ),
    ).toBe(109);
    expect(await count(`select count(*) as n from region where level = 'VILLAGE' and name !~ '(社区|村)$'`)).toBe(0);
  });

  it('gives every village 2–4 grids and puts micro-grids only under grids', async () => {
    const grids = await server.sql<{ grids: string }>(
      `select count(g.id) as grids from region v left join region g on g.parent_id = v.id and g.level = 'GRID'
        where v.level = 'VILLAGE' group by v.id`,
    );
    expect(grids).toHaveLength(109);
    expect(grids.every((row) => Number(row.grids) >= 2 && Number(row.grids) <= 4)).toBe(true);
    expect(await count(`select count(*) as n from region where level = 'MICRO_GRID'`)).toBeGreaterThan(0);
    expect(
      await count(
        `select count(*) as n from region m join region g on g.id = m.parent_id where m.level = 'MICRO_GRID' and g.level <> 'GRID'`,
      ),
    ).toBe(0);
  });

  it("keeps every region's materialised path equal to its parent's path plus its own id", async () => {
    const inconsistent = await server.sql(
      `select r.name from region r left join region p on p.id = r.parent_id
        where r.path <> coalesce(p.path, '/') || r.id || '/'`,
    );
    expect(inconsistent).toEqual([]);
  });
});

describe('demo organisations', () => {
  it('has the Party tree from the district committee down to a branch in every village', async () => {
    const committees = await server.sql<{ name: string; level: string; parent: string | null }>(
      `select o.name, r.level, p.name as parent from organisation o join region r on r.id = o.region_id left join organisation p on p.id = o.parent_id
        where o.kind = 'PARTY_ORGANISATION' and o.subtype = 'PARTY_COMMITTEE'`,
    );
    expect(committees.filter((row) => row.parent === null).map((row) => row.name)).toEqual(['中共玉溪市红塔区委员会']);
    const townshipCommittees = committees.filter((row) => row.level === 'TOWNSHIP');
    expect(townshipCommittees).toHaveLength(11);
    expect(townshipCommittees.every((row) => row.parent === '中共玉溪市红塔区委员会')).toBe(true);
    // A village's branch hangs under the committee of the village's own township.
    expect(
      await count(
        `select count(*) as n from organisation b
           join region v on v.id = b.region_id and v.level = 'VILLAGE'
           join organisation c on c.id = b.parent_id and c.region_id = v.parent_id and c.subtype = 'PARTY_COMMITTEE'
          where b.kind = 'PARTY_ORGANISATION' and b.subtype in ('PARTY_BRANCH', 'PARTY_GENERAL_BRANCH')`,
      ),
    ).toBe(109);
    expect(await count(`select count(*) as n from organisation where kind = 'VILLAGE_COMMITTEE'`)).toBe(109);
  });

  it('has the partners of 一核多元: departments, enterprises, social organisations, democratic parties, institutions', async () => {
    expect(await count(`select count(*) as n from organisation where kind = 'GOVERNMENT_DEPARTMENT'`)).toBeGreaterThanOrEqual(7);
    expect(await count(`select count(*) as n from organisation where kind = 'ENTERPRISE'`)).toBeGreaterThanOrEqual(20);
    const subtypes = await server.sql<{ subtype: string }>(`select distinct subtype from organisation where kind = 'ENTERPRISE'`);
    expect(subtypes.map((row) => row.subtype).sort()).toEqual(['PRIVATE', 'STATE_OWNED', 'VILLAGE_COLLECTIVE']);
    expect(await count(`select count(*) as n from organisation where kind = 'SOCIAL_ORGANISATION'`)).toBeGreaterThanOrEqual(10);
    expect(
      await count(
        `select count(distinct democratic_party) as n from organisation where kind = 'DEMOCRATIC_PARTY' and democratic_party is not null`,
      ),
    ).toBeGreaterThanOrEqual(3);
    expect(await count(`select count(*) as n from organisation where kind <> 'DEMOCRATIC_PARTY' and democratic_party is not null`)).toBe(0);
    expect(await count(`select count(*) as n from organisation where kind = 'PUBLIC_INSTITUTION'`)).toBeGreaterThanOrEqual(2);
  });

  it('gives only valid, unique unified social credit codes', async () => {
    const codes = (await server.sql<{ credit_code: string }>(`select credit_code from organisation where credit_code is not null`)).map(
      (row) => row.credit_code,
    );
    expect(codes.length).toBeGreaterThan(100);
    expect(codes.filter((code) => normaliseCreditCode(code) !== code)).toEqual([]);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('has an ADMIN in every organisation', async () => {
    const withoutAdmin = await server.sql(
      `select o.name from organisation o
        where not exists (select 1 from membership m where m.organisation_id = o.id and m.role = 'ADMIN')`,
    );
    expect(withoutAdmin).toEqual([]);
  });

  it('verifies most organisations, leaves some pending and rejects one with a note', async () => {
    const statuses = await server.sql<{ verification_status: string; n: string; undated: string; unsigned: string; noted: string }>(
      `select verification_status, count(*) as n, count(*) filter (where verified_at is null) as undated,
              count(*) filter (where verified_by_id is null) as unsigned, count(verification_note) as noted
         from organisation group by verification_status`,
    );
    const byStatus = Object.fromEntries(statuses.map((row) => [row.verification_status, row]));
    expect(Number(byStatus.VERIFIED!.n)).toBeGreaterThan(250);
    expect(Number(byStatus.VERIFIED!.undated) + Number(byStatus.VERIFIED!.unsigned)).toBe(0);
    expect(Number(byStatus.PENDING!.n)).toBeGreaterThanOrEqual(3);
    expect(byStatus.REJECTED).toMatchObject({ n: '1', noted: '1', undated: '0' });
    expect(
      await count(
        `select count(*) as n from organisation o join region r on r.id = o.region_id join region t on r.path like t.path || '%'
          where t.name = '玉兴街道' and o.verification_status = 'PENDING'`,
      ),
    ).toBeGreaterThanOrEqual(2);
  });
});

describe('demo people', () => {
  it('has at least 300 people with unique mobile numbers, of whom only the demo accounts can sign in', async () => {
    expect(await count(`select count(*) as n from person`)).toBeGreaterThanOrEqual(300);
    expect(await count(`select count(*) as n from person where phone !~ '^1[3-9]\\d{9}$'`)).toBe(0);
    expect(await count(`select count(*) as n from person where phone like '138%'`)).toBe(DEMO_ACCOUNTS.length);
    expect(await count(`select count(*) as n from person where password_hash is not null`)).toBe(DEMO_ACCOUNTS.length);
    expect(await count(`select count(*) as n from person where residence_region_id is null or not ('RESIDENT' = any(tags))`)).toBe(0);
  });

  it('tags party members (with 双报到), volunteers (with skills), democratic-party members and local worthies', async () => {
    const total = await count(`select count(*) as n from person`);
    const tagged = async (tag: string) => count(`select count(*) as n from person where ? = any(tags)`, [tag]);
    expect((await tagged('PARTY_MEMBER')) / total).toBeGreaterThan(0.15);
    expect((await tagged('PARTY_MEMBER')) / total).toBeLessThan(0.35);
    expect((await tagged('VOLUNTEER')) / total).toBeGreaterThan(0.2);
    expect(await tagged('DEMOCRATIC_PARTY_MEMBER')).toBeGreaterThanOrEqual(3);
    expect(await tagged('LOCAL_WORTHY')).toBeGreaterThanOrEqual(3);
    expect(await tagged('GRID_LEADER')).toBeGreaterThanOrEqual(1);
    expect(await count(`select count(*) as n from person where 'VOLUNTEER' = any(tags) and cardinality(skills) = 0`)).toBe(0);
    expect(
      await count(`select count(*) as n from person where ('DEMOCRATIC_PARTY_MEMBER' = any(tags)) <> (democratic_party is not null)`),
    ).toBe(0);
    // Every party member reports to a party organisation, and to the branch of the village they live in.
    expect(
      await count(
        `select count(*) as n from person p
           join region home on home.id = p.residence_region_id
           left join organisation h on h.id = p.party_home_organisation_id and h.kind = 'PARTY_ORGANISATION'
           left join organisation b on b.id = p.party_residence_organisation_id
           left join region v on v.id = b.region_id
          where 'PARTY_MEMBER' = any(p.tags) and (h.id is null or v.level is distinct from 'VILLAGE' or home.path not like v.path || '%')`,
      ),
    ).toBe(0);
  });

  it('has a grid worker on every grid of 玉兴街道 and a region administrator for every township', async () => {
    const unworked = await server.sql(
      `select g.name from region g join region t on g.path like t.path || '%'
        where t.name = '玉兴街道' and g.level = 'GRID'
          and not exists (select 1 from region_role rr where rr.region_id = g.id and rr.role = 'GRID_WORKER')`,
    );
    expect(unworked).toEqual([]);
    expect(
      await count(
        `select count(distinct r.id) as n from region_role rr join region r on r.id = rr.region_id
          where rr.role = 'REGION_ADMIN' and r.level = 'TOWNSHIP'`,
      ),
    ).toBe(11);
  });
});

const VIEWER = `query {
  viewer {
    isPlatformAdmin
    person {
      name tags democraticParty
      residenceRegion { id name }
      memberships { role organisation { name kind subtype democraticParty verificationStatus region { name ancestors { name } } } }
      regionRoles { role region { id name level ancestors { name } } }
    }
  }
}`;

interface ViewerRegion {
  id: string;
  name: string;
  level?: string;
  ancestors: { name: string }[];
}
interface Viewer {
  isPlatformAdmin: boolean;
  person: {
    name: string;
    tags: string[];
    democraticParty: string | null;
    residenceRegion: { id: string; name: string } | null;
    memberships: {
      role: string;
      organisation: {
        name: string;
        kind: string;
        subtype: string | null;
        democraticParty: string | null;
        verificationStatus: string;
        region: ViewerRegion;
      };
    }[];
    regionRoles: { role: string; region: ViewerRegion | null }[];
  };
}

const inTownship = (region: { name: string; ancestors: { name: string }[] }) =>
  region.name === DEMO_FIXTURES.township || region.ancestors.some((ancestor) => ancestor.name === DEMO_FIXTURES.township);

describe('demo accounts', () => {
  const viewers = new Map<string, Viewer>();
  beforeAll(async () => {
    for (const account of DEMO_ACCOUNTS) {
      const client = await server.signedIn(account.identifier, account.password);
      viewers.set(account.identifier, (await client.query<{ viewer: Viewer }>(VIEWER)).viewer);
    }
  });
  const viewer = (identifier: string) => viewers.get(identifier)!;
  const only = <T>(items: T[]): T => {
    expect(items).toHaveLength(1);
    return items[0]!;
  };

  it('signs every demo account in under its listed name', () => {
    for (const account of DEMO_ACCOUNTS) {
      expect(viewer(account.identifier).person.name).toBe(account.name);
    }
  });

  it('makes 13800000001 the platform administrator, and nobody else', () => {
    expect(viewer('13800000001').isPlatformAdmin).toBe(true);
    expect(DEMO_ACCOUNTS.slice(1).every((account) => !viewer(account.identifier).isPlatformAdmin)).toBe(true);
  });

  it('makes 13800000002 the region administrator of 玉兴街道', () => {
    const role = only(viewer('13800000002').person.regionRoles);
    expect(role).toMatchObject({ role: 'REGION_ADMIN', region: { name: DEMO_FIXTURES.township, level: 'TOWNSHIP' } });
  });

  it('makes 13800000003 a party member and ADMIN of a community party branch in 玉兴街道', async () => {
    const person = viewer('13800000003').person;
    expect(person.tags).toContain('PARTY_MEMBER');
    const membership = only(person.memberships);
    expect(membership).toMatchObject({
      role: 'ADMIN',
      organisation: { name: DEMO_FIXTURES.partyBranch, kind: 'PARTY_ORGANISATION', subtype: 'PARTY_BRANCH' },
    });
    expect(inTownship(membership.organisation.region)).toBe(true);
    const [links] = await server.sql<{ home: string; residence: string }>(
      `select h.name as home, r.name as residence from person p
         join organisation h on h.id = p.party_home_organisation_id join organisation r on r.id = p.party_residence_organisation_id
        where p.phone = '13800000003'`,
    );
    expect(links).toEqual({ home: DEMO_FIXTURES.partyBranch, residence: DEMO_FIXTURES.partyBranch });
  });

  it('makes 13800000004 a MEMBER of a verified private enterprise in 玉兴街道', () => {
    const membership = only(viewer('13800000004').person.memberships);
    expect(membership).toMatchObject({
      role: 'MEMBER',
      organisation: { name: DEMO_FIXTURES.enterprise, kind: 'ENTERPRISE', subtype: 'PRIVATE', verificationStatus: 'VERIFIED' },
    });
    expect(inTownship(membership.organisation.region)).toBe(true);
  });

  it('makes 13800000005 a COORDINATOR of a verified social organisation', () => {
    expect(only(viewer('13800000005').person.memberships)).toMatchObject({
      role: 'COORDINATOR',
      organisation: { name: DEMO_FIXTURES.socialOrganisation, kind: 'SOCIAL_ORGANISATION', verificationStatus: 'VERIFIED' },
    });
  });

  it('makes 13800000006 a 民盟 member and volunteer, MEMBER of the 民盟 local body', () => {
    const person = viewer('13800000006').person;
    expect(person.tags).toEqual(expect.arrayContaining(['DEMOCRATIC_PARTY_MEMBER', 'VOLUNTEER']));
    expect(person.democraticParty).toBe('CDL');
    expect(only(person.memberships)).toMatchObject({
      role: 'MEMBER',
      organisation: { name: DEMO_FIXTURES.democraticPartyBody, kind: 'DEMOCRATIC_PARTY', democraticParty: 'CDL' },
    });
  });

  it('makes 13800000007 a MEMBER of the 民政局', () => {
    expect(only(viewer('13800000007').person.memberships)).toMatchObject({
      role: 'MEMBER',
      organisation: { name: DEMO_FIXTURES.department, kind: 'GOVERNMENT_DEPARTMENT' },
    });
  });

  it('makes 13800000008 the grid worker of a grid in 玉兴街道, where 13800000009 lives', () => {
    const worker = viewer('13800000008').person;
    expect(worker.tags).toContain('GRID_WORKER');
    const role = only(worker.regionRoles);
    expect(role).toMatchObject({ role: 'GRID_WORKER', region: { name: DEMO_FIXTURES.grid, level: 'GRID' } });
    expect(role.region!.ancestors.map((ancestor) => ancestor.name)).toEqual(
      expect.arrayContaining([DEMO_FIXTURES.township, DEMO_FIXTURES.community]),
    );
    const resident = viewer('13800000009').person;
    expect(resident.tags).toEqual(['RESIDENT']);
    expect(resident.memberships).toEqual([]);
    expect(resident.regionRoles).toEqual([]);
    expect(resident.residenceRegion?.id).toBe(role.region!.id);
  });
});

/** Everything a seed decides, keyed by names instead of uuids. */
async function snapshot(target: TestServer) {
  const rows = (query: string) => target.sql(query);
  return {
    regions: await rows(`${NAME_TREE} select t.name_path, r.level, r.division_code from tree t join region r on r.id = t.id order by 1`),
    organisations: await rows(
      `${NAME_TREE} select o.name, o.kind, o.subtype, o.democratic_party, o.credit_code, o.verification_status, p.name as parent, t.name_path
         from organisation o join tree t on t.id = o.region_id left join organisation p on p.id = o.parent_id order by o.name`,
    ),
    people: await rows(
      `${NAME_TREE} select p.name, p.phone, p.address, p.tags::text, p.skills::text, p.democratic_party, t.name_path,
              h.name as home, r.name as residence
         from person p join tree t on t.id = p.residence_region_id
         left join organisation h on h.id = p.party_home_organisation_id left join organisation r on r.id = p.party_residence_organisation_id
        order by p.phone`,
    ),
    memberships: await rows(
      `select p.phone, o.name, m.role from membership m join person p on p.id = m.person_id join organisation o on o.id = m.organisation_id
        order by 1, 2`,
    ),
    regionRoles: await rows(
      `${NAME_TREE} select p.phone, rr.role, t.name_path from region_role rr join person p on p.id = rr.person_id
         left join tree t on t.id = rr.region_id order by 1, 2, 3`,
    ),
  };
}

describe('seedDistrict', () => {
  it('seeds the same district into two empty databases, quickly', async () => {
    const snapshots = [];
    for (let run = 0; run < 2; run += 1) {
      const empty = await startTestServer({ demo: false });
      try {
        const started = performance.now();
        await empty.app.orm.em.fork().transactional((em) => seedDistrict(em));
        expect(performance.now() - started).toBeLessThan(3000);
        snapshots.push(await snapshot(empty));
      } finally {
        await empty.stop();
      }
    }
    const [first, second] = snapshots;
    expect(first!.people.length).toBeGreaterThanOrEqual(300);
    expect(second).toEqual(first);
  });
});

describe('seedDemoOnce', () => {
  it('adds nothing to a database that is already seeded, and still lists the demo accounts', async () => {
    const counts = () =>
      server.sql(
        `select (select count(*) from region) as regions, (select count(*) from organisation) as organisations,
                (select count(*) from person) as people, (select count(*) from membership) as memberships,
                (select count(*) from region_role) as region_roles`,
      );
    const before = await counts();
    const accounts = await seedDemoOnce(server.app.orm, createLogger('silent'));
    expect(accounts.map((account) => account.identifier)).toEqual(DEMO_ACCOUNTS.map((account) => account.identifier));
    expect(await counts()).toEqual(before);
  });
});
