import type pg from 'pg';
import { BulkWriter } from './bulk.js';
import { Random, benchUuid, creditCode } from './random.js';

/** Per scale 1 (one district like the demo). Scale N multiplies every count. */
export const PER_SCALE = {
  villages: 100,
  townships: 8,
  organisations: 1_000,
  people: 10_000,
  projects: 1_000,
  /** 4 needs × 5 pledges per project = 20,000 pledges. */
  needsPerProject: 4,
  pledgesPerNeed: 5,
  demands: 20_000,
  /** 1 activity × 5 shifts × 10 sign-ups per project = 50,000 sign-ups. */
  shiftsPerProject: 5,
  signUpsPerShift: 10,
} as const;

/** Tags keep each table's ids apart (see benchUuid). */
const TAG = {
  region: 1,
  organisation: 2,
  person: 3,
  membership: 4,
  project: 5,
  projectRegion: 6,
  partner: 7,
  need: 8,
  pledge: 9,
  delivery: 10,
  deliverable: 11,
  deliverableOwner: 12,
  deliverablePledge: 13,
  demand: 14,
  demandEvent: 15,
  activity: 16,
  shift: 17,
  signUp: 18,
} as const;

/** Everything is dated relative to this instant, never the wall clock, so two runs are identical. */
export const DATASET_EPOCH = Date.parse('2026-06-01T00:00:00Z');
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const day = (ms: number) => iso(ms).slice(0, 10);

export interface GenerateOptions {
  scale: number;
  seed: number;
  /** Whether to print the progress line on stderr. */
  progress?: boolean;
}

export interface GenerateResult {
  rows: number;
  seconds: number;
  counts: Record<string, number>;
  volunteering: boolean;
}

interface Org {
  uuid: string;
  kind: string;
  regionUuid: string;
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国志红文斌春梅海燕';
const PLACE = '东南西北前后上下新旧大小安康和平兴隆福寿长青龙凤金银石桥河湾山岭';
const TOWN_SUFFIX = ['街道', '镇', '乡'];
const VILLAGE_SUFFIX = ['社区', '村'];
const ORG_KINDS: [string, number][] = [
  ['PARTY_ORGANISATION', 25],
  ['GOVERNMENT_DEPARTMENT', 8],
  ['ENTERPRISE', 40],
  ['SOCIAL_ORGANISATION', 12],
  ['DEMOCRATIC_PARTY', 5],
  ['VILLAGE_COMMITTEE', 5],
  ['PUBLIC_INSTITUTION', 5],
];
const ORG_SUFFIX: Record<string, string[]> = {
  PARTY_ORGANISATION: ['党委', '党总支', '党支部'],
  GOVERNMENT_DEPARTMENT: ['民政办', '城管科', '司法所', '卫生服务中心'],
  ENTERPRISE: ['建材有限公司', '物业管理有限公司', '食品有限公司', '科技有限公司', '农业合作社'],
  SOCIAL_ORGANISATION: ['志愿者协会', '社工服务中心', '慈善会'],
  DEMOCRATIC_PARTY: ['民盟支部', '九三学社支社', '民进支部'],
  VILLAGE_COMMITTEE: ['村民委员会', '居民委员会'],
  PUBLIC_INSTITUTION: ['中心小学', '卫生院', '文化站'],
};
const CATEGORIES = [
  'ELDERLY_CARE',
  'EMPLOYMENT',
  'ENVIRONMENT',
  'INFRASTRUCTURE',
  'INDUSTRY',
  'CULTURE',
  'SAFETY',
  'DISPUTE_PREVENTION',
  'OTHER',
];
const PROJECT_TITLES: Record<string, string> = {
  ELDERLY_CARE: '长者食堂',
  EMPLOYMENT: '家门口就业驿站',
  ENVIRONMENT: '垃圾分类示范',
  INFRASTRUCTURE: '老旧小区改造',
  INDUSTRY: '特色产业帮扶',
  CULTURE: '邻里文化节',
  SAFETY: '平安巡防',
  DISPUTE_PREVENTION: '矛盾纠纷调解室',
  OTHER: '共建共治',
};
const NEEDS: { kind: string; unit: string; min: number; max: number; text: string }[] = [
  { kind: 'FUNDS', unit: '元', min: 5_000, max: 200_000, text: '建设资金' },
  { kind: 'MATERIALS', unit: '件', min: 20, max: 500, text: '物资' },
  { kind: 'VOLUNTEER_HOURS', unit: '小时', min: 100, max: 2_000, text: '志愿服务' },
  { kind: 'PROFESSIONAL_SERVICE', unit: '次', min: 5, max: 60, text: '专业服务' },
  { kind: 'VENUE', unit: '天', min: 5, max: 90, text: '活动场地' },
  { kind: 'LEGAL_AID', unit: '次', min: 5, max: 40, text: '法律咨询' },
];
const DEMAND_CATEGORIES = [
  'ELDERLY_CARE',
  'CHILDCARE',
  'EMPLOYMENT',
  'ENVIRONMENT_SANITATION',
  'ROADS_FACILITIES',
  'SAFETY',
  'NEIGHBOUR_DISPUTE',
  'LEGAL_HELP',
  'HEALTH',
  'CULTURE',
  'OTHER',
];

const count = (perScale: number, scale: number, minimum = 1) => Math.max(minimum, Math.round(perScale * scale));
/** Cents as a numeric(18,2) literal, exact (no floats reach the database). */
const money = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

async function tableExists(client: pg.ClientBase, name: string): Promise<boolean> {
  const { rows } = await client.query('select to_regclass($1) is not null as present', [`public.${name}`]);
  return rows[0].present;
}

/**
 * Fills an empty, migrated Gongzhi database with a district-shaped data set × `scale`. Everything comes
 * from one seeded generator and fixed dates, so the same seed and scale always give the same rows.
 */
export async function generateDataset(client: pg.ClientBase, options: GenerateOptions): Promise<GenerateResult> {
  const { scale, seed } = options;
  const random = new Random(seed);
  const writer = new BulkWriter(client, options.progress ?? false);
  const started = Date.now();
  const volunteering = (await tableExists(client, 'shift_sign_up')) && (await tableExists(client, 'volunteer_activity'));
  const { rows: existing } = await client.query('select (select count(*) from project)::int + (select count(*) from region)::int as n');
  if (existing[0].n > 0) {
    throw new Error('the database already holds regions or projects: generate into an empty, migrated database');
  }

  writer.table('region', ['id', 'created_at', 'name', 'level::region_level', 'division_code', 'parent_id', 'path']);
  writer.table('organisation', [
    'id',
    'created_at',
    'name',
    'kind::organisation_kind',
    'subtype::organisation_subtype',
    'region_id',
    'credit_code',
    'verification_status::verification_status',
    'verified_at',
    'contact_name',
    'contact_phone',
  ]);
  writer.table('person', ['id', 'created_at', 'name', 'phone', 'residence_region_id', 'tags::person_tag[]', 'skills::text[]']);
  writer.table('membership', ['id', 'created_at', 'person_id', 'organisation_id', 'role::membership_role']);
  writer.table('project', [
    'id',
    'created_at',
    'title',
    'summary',
    'category::project_category',
    'status::project_status',
    'start_date',
    'end_date',
    'lead_organisation_id',
  ]);
  writer.table('project_region', ['id', 'created_at', 'project_id', 'region_id']);
  writer.table('project_partner', [
    'id',
    'created_at',
    'project_id',
    'organisation_id',
    'role::project_partner_role',
    'status::project_partner_status',
    'joined_at',
  ]);
  writer.table('need', ['id', 'created_at', 'project_id', 'kind::need_kind', 'description', 'quantity', 'unit', 'deadline']);
  writer.table('pledge', [
    'id',
    'created_at',
    'need_id',
    'project_id',
    'organisation_id',
    'quantity',
    'status::pledge_status',
    'responded_at',
    'fulfilled_at',
  ]);
  writer.table('delivery', ['id', 'created_at', 'pledge_id', 'quantity', 'delivered_on', 'evidence_urls::text[]', 'confirmed_at']);
  writer.table('deliverable', ['id', 'created_at', 'project_id', 'title', 'due_on', 'status::deliverable_status', 'evidence_urls::text[]']);
  writer.table('deliverable_owner', ['id', 'created_at', 'deliverable_id', 'organisation_id']);
  writer.table('deliverable_pledge', ['id', 'created_at', 'deliverable_id', 'pledge_id']);
  writer.table('demand_ticket', [
    'id',
    'created_at',
    'resident_id',
    'submitted_by_id',
    'channel::demand_channel',
    'grid_id',
    'category::demand_category',
    'description',
    'contact_name',
    'contact_preference::demand_contact_preference',
    'evidence_urls::text[]',
    'status::demand_status',
    'assigned_organisation_id',
    'owner_organisation_id',
    'response_due_at',
    'resolution_due_at',
    'dispatched_at',
    'accepted_at',
    'resolved_at',
    'resolution_evidence_urls::text[]',
    'rating::demand_rating',
    'rated_at',
    'updated_at',
  ]);
  writer.table('demand_event', [
    'id',
    'created_at',
    'ticket_id',
    'actor_id',
    'organisation_id',
    'action::demand_event_action',
    'status::demand_status',
    'round',
    'evidence_urls::text[]',
  ]);
  if (volunteering) {
    writer.table('volunteer_activity', [
      'id',
      'created_at',
      'project_id',
      'organisation_id',
      'need_id',
      'title',
      'description',
      'place',
      'region_id',
      'updated_at',
    ]);
    writer.table('shift', [
      'id',
      'created_at',
      'activity_id',
      'starts_at',
      'ends_at',
      'capacity',
      'required_skills::text[]',
      'check_in_code',
    ]);
    writer.table('shift_sign_up', ['id', 'created_at', 'shift_id', 'person_id', 'status::shift_sign_up_status']);
  }
  const serial: Record<string, number> = {};
  const next = (tag: keyof typeof TAG) => benchUuid(TAG[tag], (serial[tag] = (serial[tag] ?? 0) + 1));
  const at = (daysAgo: number) => iso(DATASET_EPOCH - daysAgo * DAY - random.int(0, DAY - 1));
  const personName = () => random.pick([...SURNAMES]) + random.pick([...GIVEN]) + (random.chance(0.6) ? random.pick([...GIVEN]) : '');

  // Regions: province → cities (10 districts each) → districts → townships → villages → 3 grids each.
  const villageCount = count(PER_SCALE.villages, scale, 2);
  const townshipCount = Math.min(villageCount, count(PER_SCALE.townships, scale));
  const districtCount = Math.max(1, Math.round(scale));
  const cityCount = Math.ceil(districtCount / 10);
  const created = iso(DATASET_EPOCH - 400 * DAY);
  const addRegion = async (name: string, level: string, code: string | null, parent?: { uuid: string; path: string }) => {
    const uuid = next('region');
    const path = `${parent?.path ?? '/'}${uuid}/`;
    await writer.add('region', [uuid, created, name, level, code, parent?.uuid ?? null, path]);
    return { uuid, path };
  };
  const province = await addRegion('示范省', 'PROVINCE', '440000000000');
  const cities = [];
  for (let c = 0; c < cityCount; c += 1) {
    cities.push({
      ...(await addRegion(`示范${c + 1}市`, 'CITY', `44${String(c + 1).padStart(2, '0')}00000000`, province)),
      code: `44${String(c + 1).padStart(2, '0')}`,
    });
  }
  const districts = [];
  for (let d = 0; d < districtCount; d += 1) {
    const city = cities[Math.floor(d / 10)]!;
    const code = `${city.code}${String((d % 10) + 1).padStart(2, '0')}`;
    districts.push({
      ...(await addRegion(`${random.pick([...PLACE])}${random.pick([...PLACE])}区`, 'DISTRICT', `${code}000000`, city)),
      code,
    });
  }
  const townships: { uuid: string; path: string; code: string; villages: { uuid: string; path: string }[]; grids: string[] }[] = [];
  for (let t = 0; t < townshipCount; t += 1) {
    const district = districts[t % districtCount]!;
    const code = `${district.code}${String(Math.floor(t / districtCount) + 1).padStart(3, '0')}`;
    const name = `${random.pick([...PLACE])}${random.pick([...PLACE])}${random.pick(TOWN_SUFFIX)}`;
    townships.push({ ...(await addRegion(name, 'TOWNSHIP', `${code}000`, district)), code, villages: [], grids: [] });
  }
  const villages: { uuid: string; path: string; township: number }[] = [];
  const grids: string[] = [];
  for (let v = 0; v < villageCount; v += 1) {
    const t = v % townshipCount;
    const township = townships[t]!;
    const code = `${township.code}${String(township.villages.length + 1).padStart(3, '0')}`;
    const village = await addRegion(
      `${random.pick([...PLACE])}${random.pick([...PLACE])}${random.pick(VILLAGE_SUFFIX)}`,
      'VILLAGE',
      code,
      township,
    );
    township.villages.push(village);
    villages.push({ ...village, township: t });
    for (let g = 1; g <= 3; g += 1) {
      const grid = await addRegion(`第${g}网格`, 'GRID', null, village);
      grids.push(grid.uuid);
      township.grids.push(grid.uuid);
    }
  }
  await writer.flush('region');

  // Organisations: a quarter are verified Party organisations (the only possible project leads).
  const organisations: Org[] = [];
  const orgCount = count(PER_SCALE.organisations, scale, 10);
  for (let o = 0; o < orgCount; o += 1) {
    // The first few are Party organisations so that even a tiny data set has leads.
    const kind = o < 3 ? 'PARTY_ORGANISATION' : random.weighted(ORG_KINDS);
    const village = random.pick(villages);
    const regionUuid = random.chance(0.3) ? townships[village.township]!.uuid : village.uuid;
    const uuid = next('organisation');
    const subtype =
      kind === 'PARTY_ORGANISATION'
        ? random.pick(['PARTY_COMMITTEE', 'PARTY_GENERAL_BRANCH', 'PARTY_BRANCH'])
        : kind === 'ENTERPRISE'
          ? random.pick(['STATE_OWNED', 'PRIVATE'])
          : null;
    const prefix = kind === 'ENTERPRISE' ? '91' : kind === 'SOCIAL_ORGANISATION' ? '52' : kind === 'GOVERNMENT_DEPARTMENT' ? '11' : '54';
    const district = districts[village.township % districtCount]!;
    const verified = kind === 'PARTY_ORGANISATION' || random.chance(0.85);
    await writer.add('organisation', [
      uuid,
      at(random.int(200, 399)),
      `${random.pick([...PLACE])}${random.pick([...PLACE])}${random.pick(ORG_SUFFIX[kind]!)}${o + 1}`,
      kind,
      subtype,
      regionUuid,
      creditCode(prefix, `${district.code}00`, o + 1),
      verified ? 'VERIFIED' : 'PENDING',
      verified ? created : null,
      personName(),
      `0755${String(10_000_000 + o).slice(-8)}`,
    ]);
    organisations.push({ uuid, kind, regionUuid });
  }
  await writer.flush('organisation');
  const leads = organisations.filter((org) => org.kind === 'PARTY_ORGANISATION');

  // People, two members per organisation (an admin and a coordinator).
  const people: string[] = [];
  const peopleCount = count(PER_SCALE.people, scale, 50);
  for (let p = 0; p < peopleCount; p += 1) {
    const uuid = next('person');
    const tags = random.chance(0.3) ? '{RESIDENT,VOLUNTEER}' : random.chance(0.1) ? '{RESIDENT,PARTY_MEMBER}' : '{RESIDENT}';
    await writer.add('person', [
      uuid,
      at(random.int(100, 399)),
      personName(),
      `139${String(p).padStart(8, '0')}`,
      random.pick(villages).uuid,
      tags,
      random.chance(0.2) ? '{急救,驾驶}' : '{}',
    ]);
    people.push(uuid);
  }
  await writer.flush('person');
  for (const [index, org] of organisations.entries()) {
    for (const [offset, role] of [
      [0, 'ADMIN'],
      [1, 'COORDINATOR'],
    ] as const) {
      await writer.add('membership', [next('membership'), created, people[(index * 2 + offset) % people.length], org.uuid, role]);
    }
  }

  // Projects with their regions, partners, needs, pledges, deliveries and deliverables.
  const projectCount = count(PER_SCALE.projects, scale, 5);
  const projectCreated = (p: number) =>
    DATASET_EPOCH - Math.floor(((projectCount - p) / projectCount) * 360 * DAY) - random.int(0, DAY / 2);
  const activeProjects: { uuid: string; lead: Org; township: number; needs: { uuid: string; kind: string }[] }[] = [];
  for (let p = 0; p < projectCount; p += 1) {
    const uuid = next('project');
    const lead = random.pick(leads);
    const township = p % townshipCount;
    const createdMs = projectCreated(p);
    const category = random.pick(CATEGORIES);
    const status = random.weighted([
      ['ACTIVE', 55],
      ['RECRUITING', 25],
      ['COMPLETED', 12],
      ['DRAFT', 5],
      ['CANCELLED', 3],
    ]);
    const start = createdMs + random.int(1, 30) * DAY;
    await writer.add('project', [
      uuid,
      iso(createdMs),
      `${PROJECT_TITLES[category]}项目${p + 1}`,
      `面向${townships[township]!.villages.length}个村社区的${PROJECT_TITLES[category]}`,
      category,
      status,
      day(start),
      random.chance(0.8) ? day(start + random.int(90, 365) * DAY) : null,
      lead.uuid,
    ]);
    for (const village of random.sample(townships[township]!.villages, random.int(1, 2))) {
      await writer.add('project_region', [next('projectRegion'), iso(createdMs), uuid, village.uuid]);
    }
    // The lead holds the CORE place; three or four others join, now and then one is still invited.
    const partners = random.sample(
      organisations.filter((org) => org !== lead).length > 200
        ? sampleFrom(random, organisations, lead, 5)
        : organisations.filter((org) => org !== lead),
      random.int(2, 4),
    );
    await writer.add('project_partner', [next('partner'), iso(createdMs), uuid, lead.uuid, 'CORE', 'ACCEPTED', iso(createdMs)]);
    const accepted = [lead];
    for (const partner of partners) {
      const partnerStatus = random.chance(0.85) ? 'ACCEPTED' : 'INVITED';
      await writer.add('project_partner', [
        next('partner'),
        iso(createdMs + DAY),
        uuid,
        partner.uuid,
        random.pick(['CO_LEAD', 'PARTNER', 'PARTNER', 'SUPPORTER']),
        partnerStatus,
        partnerStatus === 'ACCEPTED' ? iso(createdMs + 2 * DAY) : null,
      ]);
      if (partnerStatus === 'ACCEPTED') {
        accepted.push(partner);
      }
    }
    const projectNeeds: { uuid: string; kind: string }[] = [];
    for (let n = 0; n < PER_SCALE.needsPerProject; n += 1) {
      const spec = random.pick(NEEDS);
      const needUuid = next('need');
      const quantityCents = random.int(spec.min, spec.max) * 100 + (spec.kind === 'FUNDS' ? random.int(0, 99) : 0);
      await writer.add('need', [
        needUuid,
        iso(createdMs + 3 * DAY),
        uuid,
        spec.kind,
        `${spec.text}（第${n + 1}项）`,
        money(quantityCents),
        spec.unit,
        day(createdMs + random.int(60, 300) * DAY),
      ]);
      projectNeeds.push({ uuid: needUuid, kind: spec.kind });
      // Live pledges (proposed, accepted, fulfilled) share at most the whole quantity: each takes at
      // most a sixth, so accepted + proposed ≤ quantity holds (PLEDGE_EXCEEDS_NEED never would be hit).
      for (let k = 0; k < PER_SCALE.pledgesPerNeed; k += 1) {
        const pledgeUuid = next('pledge');
        const pledger = random.pick(organisations);
        const pledgeStatus = random.weighted([
          ['ACCEPTED', 40],
          ['PROPOSED', 20],
          ['FULFILLED', 25],
          ['DECLINED', 8],
          ['WITHDRAWN', 7],
        ]);
        const share = Math.max(1, Math.floor((quantityCents / 6) * (0.3 + random.next() * 0.7)));
        const pledgeCreated = createdMs + (4 + k) * DAY;
        const responded = pledgeStatus === 'PROPOSED' || pledgeStatus === 'WITHDRAWN' ? null : iso(pledgeCreated + DAY);
        const fulfilled = pledgeStatus === 'FULFILLED' ? iso(pledgeCreated + 20 * DAY) : null;
        await writer.add('pledge', [
          pledgeUuid,
          iso(pledgeCreated),
          needUuid,
          uuid,
          pledger.uuid,
          money(share),
          pledgeStatus,
          responded,
          fulfilled,
        ]);
        if (pledgeStatus === 'FULFILLED' || (pledgeStatus === 'ACCEPTED' && random.chance(0.5))) {
          const deliveredCents = pledgeStatus === 'FULFILLED' ? share : Math.max(1, Math.floor(share / 2));
          await writer.add('delivery', [
            next('delivery'),
            iso(pledgeCreated + 10 * DAY),
            pledgeUuid,
            money(deliveredCents),
            day(pledgeCreated + 10 * DAY),
            '{}',
            iso(pledgeCreated + 11 * DAY),
          ]);
        }
        if (k === 0 && n === 0 && (pledgeStatus === 'ACCEPTED' || pledgeStatus === 'FULFILLED')) {
          projectNeeds.push({ uuid: pledgeUuid, kind: 'pledge' });
        }
      }
    }
    // Two shared deliverables, each owned by one or two accepted partners.
    for (let d = 0; d < 2; d += 1) {
      const deliverableUuid = next('deliverable');
      await writer.add('deliverable', [
        deliverableUuid,
        iso(createdMs + 5 * DAY),
        uuid,
        d === 0 ? '阶段成果报告' : '服务台账',
        day(createdMs + random.int(30, 300) * DAY),
        random.pick(['PLANNED', 'IN_PROGRESS', 'SUBMITTED', 'ACCEPTED']),
        '{}',
      ]);
      for (const owner of random.sample(accepted, random.int(1, 2))) {
        await writer.add('deliverable_owner', [next('deliverableOwner'), iso(createdMs + 5 * DAY), deliverableUuid, owner.uuid]);
      }
      const fed = projectNeeds.find((entry) => entry.kind === 'pledge');
      if (d === 0 && fed) {
        await writer.add('deliverable_pledge', [next('deliverablePledge'), iso(createdMs + 5 * DAY), deliverableUuid, fed.uuid]);
      }
    }
    if (status === 'ACTIVE' || status === 'RECRUITING') {
      activeProjects.push({ uuid, lead, township, needs: projectNeeds.filter((entry) => entry.kind !== 'pledge') });
    }
  }

  // Residents' demand tickets, in the grids of the villages, with their first event.
  const policies = new Map<string, { response: number; resolution: number }>(
    (await client.query('select category::text, response_hours, resolution_hours from demand_category_policy')).rows.map((row) => [
      row.category,
      { response: row.response_hours, resolution: row.resolution_hours },
    ]),
  );
  const demandCount = count(PER_SCALE.demands, scale, 10);
  for (let d = 0; d < demandCount; d += 1) {
    const uuid = next('demand');
    const resident = random.pick(people);
    const category = random.pick(DEMAND_CATEGORIES);
    const policy = policies.get(category) ?? { response: 24, resolution: 168 };
    const createdMs = DATASET_EPOCH - Math.floor(((demandCount - d) / demandCount) * 365 * DAY);
    const status = random.weighted([
      ['RATED', 45],
      ['RESOLVED', 15],
      ['ACCEPTED', 15],
      ['DISPATCHED', 10],
      ['SUBMITTED', 10],
      ['REJECTED', 5],
    ]);
    const owner = random.pick(organisations).uuid;
    const dispatched = status !== 'SUBMITTED' && status !== 'REJECTED';
    const acceptedMs = createdMs + random.int(1, policy.response + 6) * 3_600_000;
    const resolvedMs = acceptedMs + random.int(2, policy.resolution) * 3_600_000;
    const resolved = status === 'RATED' || status === 'RESOLVED';
    await writer.add('demand_ticket', [
      uuid,
      iso(createdMs),
      resident,
      resident,
      random.pick(['ONLINE', 'IN_PERSON', 'PHONE']),
      random.pick(grids),
      category,
      '居民诉求：请协助处理',
      personName(),
      random.pick(['PHONE_CALL', 'SMS', 'HOME_VISIT', 'ONLINE_ONLY']),
      '{}',
      status,
      dispatched ? owner : null,
      dispatched ? owner : null,
      iso(createdMs + policy.response * 3_600_000),
      iso(createdMs + policy.resolution * 3_600_000),
      dispatched ? iso(createdMs + 3_600_000) : null,
      status === 'DISPATCHED' || !dispatched ? null : iso(acceptedMs),
      resolved ? iso(resolvedMs) : null,
      '{}',
      status === 'RATED'
        ? random.weighted([
            ['SATISFIED', 80],
            ['PARTLY', 15],
            ['UNSATISFIED', 5],
          ])
        : null,
      status === 'RATED' ? iso(resolvedMs + DAY) : null,
      iso(resolved ? resolvedMs : createdMs),
    ]);
    await writer.add('demand_event', [next('demandEvent'), iso(createdMs), uuid, resident, null, 'SUBMITTED', 'SUBMITTED', 1, '{}']);
  }

  // Volunteer activities of active projects, five shifts each, ten sign-ups per shift.
  if (volunteering) {
    const shiftsPerProject = Math.round((PER_SCALE.shiftsPerProject * projectCount) / Math.max(1, activeProjects.length));
    for (const project of activeProjects) {
      const activityUuid = next('activity');
      const hours = project.needs.find((need) => need.kind === 'VOLUNTEER_HOURS');
      const township = townships[project.township]!;
      const createdMs = DATASET_EPOCH - random.int(30, 200) * DAY;
      await writer.add('volunteer_activity', [
        activityUuid,
        iso(createdMs),
        project.uuid,
        project.lead.uuid,
        hours?.uuid ?? null,
        '志愿服务活动',
        '为居民提供志愿服务',
        '村社区服务中心',
        random.pick(township.villages).uuid,
        iso(createdMs),
      ]);
      for (let s = 0; s < shiftsPerProject; s += 1) {
        const shiftUuid = next('shift');
        const startsMs = createdMs + (7 + s * 7) * DAY + 9 * 3_600_000;
        await writer.add('shift', [
          shiftUuid,
          iso(createdMs),
          activityUuid,
          iso(startsMs),
          iso(startsMs + 3 * 3_600_000),
          PER_SCALE.signUpsPerShift + 2,
          '{}',
          String(100_000 + random.int(0, 899_999)),
        ]);
        for (const person of random.sample(people, PER_SCALE.signUpsPerShift)) {
          await writer.add('shift_sign_up', [
            next('signUp'),
            iso(createdMs + DAY),
            shiftUuid,
            person,
            startsMs < DATASET_EPOCH
              ? random.weighted([
                  ['COMPLETED', 85],
                  ['NO_SHOW', 10],
                  ['CANCELLED', 5],
                ])
              : 'CONFIRMED',
          ]);
        }
      }
    }
  }
  await writer.flush();
  writer.report(true);
  await client.query('analyze');
  return { rows: writer.total, seconds: (Date.now() - started) / 1000, counts: Object.fromEntries(writer.counts), volunteering };
}

/** `count` partners from a large list without copying it for every project. */
function sampleFrom(random: Random, organisations: Org[], lead: Org, size: number): Org[] {
  const chosen: Org[] = [];
  while (chosen.length < size) {
    const org = random.pick(organisations);
    if (org !== lead && !chosen.includes(org)) {
      chosen.push(org);
    }
  }
  return chosen;
}
