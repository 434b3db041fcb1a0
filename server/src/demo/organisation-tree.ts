import type { EntityManager } from '@mikro-orm/postgresql';
import { Organisation } from '../organisations/organisation.entity.js';
import { OrganisationKind, OrganisationSubtype, VerificationStatus } from '../organisations/organisation.enums.js';
import type { Region } from '../regions/region.entity.js';
import { CREDIT_CODE_PREFIX, CreditCodes } from './credit-codes.js';
import { DEMO_FIXTURES } from './fixtures.js';
import {
  DEMOCRATIC_PARTY_BODIES,
  DEPARTMENTS,
  ENTERPRISES,
  PUBLIC_INSTITUTIONS,
  SOCIAL_ORGANISATIONS,
  type OrganisationSeed,
} from './organisations.js';
import type { Random } from './random.js';
import type { RegionTree, TownshipNode, VillageNode } from './region-tree.js';
import type { Timeline } from './timeline.js';
import { shortTownshipName } from './townships.js';

/** A district-level organisation with the party organisation of its staff, if it has one. */
export interface Unit {
  seed: OrganisationSeed;
  organisation: Organisation;
  partyOrganisation?: Organisation;
}

export interface OrganisationTree {
  districtCommittee: Organisation;
  townshipCommittees: Map<TownshipNode, Organisation>;
  villageBranches: Map<VillageNode, Organisation>;
  villageCommittees: Map<VillageNode, Organisation>;
  /** Village collective companies (强村公司), run by their village's cadres. */
  collectives: { organisation: Organisation; village: VillageNode }[];
  units: Unit[];
  /** Every organisation, parents before children (the insert order). */
  all: Organisation[];
}

/** Townships whose first village runs a collective company; the last one is still awaiting verification. */
const COLLECTIVE_TOWNSHIPS = ['小石桥彝族乡', '洛河彝族乡', '研和街道', '高仓街道', '大营街街道', '李棋街道'];

/**
 * The organisations of the district: the Party tree (district committee → township committees →
 * village branches, plus organ and enterprise party organisations), the village and residents'
 * committees, and the partners (departments, enterprises, social organisations, democratic parties,
 * public institutions).
 */
export function buildOrganisationTree(em: EntityManager, random: Random, regions: RegionTree, timeline: Timeline): OrganisationTree {
  const all: Organisation[] = [];
  const codes = new CreditCodes(random);
  const add = (
    data: Pick<Organisation, 'name' | 'kind' | 'region'> &
      Partial<Pick<Organisation, 'subtype' | 'democraticParty' | 'parent' | 'description' | 'address' | 'contactName'>>,
    options: { creditPrefix?: string; status?: VerificationStatus; verificationNote?: string } = {},
  ): Organisation => {
    const status = options.status ?? VerificationStatus.VERIFIED;
    const createdAt = status === VerificationStatus.PENDING ? timeline.daysAgo(random.int(1, 14)) : timeline.daysAgo(random.int(200, 400));
    const organisation = em.create(
      Organisation,
      {
        ...data,
        creditCode: options.creditPrefix ? codes.next(options.creditPrefix) : null,
        contactName: data.contactName ?? '办公室',
        contactPhone: `0877-2${random.int(100000, 999999)}`,
        verificationStatus: status,
        verifiedAt: status === VerificationStatus.PENDING ? null : timeline.daysAfter(createdAt, random.int(1, 20)),
        verificationNote: options.verificationNote ?? null,
        createdAt,
      },
      { persist: false },
    );
    all.push(organisation);
    return organisation;
  };

  const districtCommittee = add(
    {
      name: '中共玉溪市红塔区委员会',
      kind: OrganisationKind.PARTY_ORGANISATION,
      subtype: OrganisationSubtype.PARTY_COMMITTEE,
      region: regions.district,
      description: '红塔区党的领导机关，统筹全区基层党建和党建引领基层治理',
      address: '红塔区红塔大道28号',
      contactName: '区委组织部',
    },
    { creditPrefix: CREDIT_CODE_PREFIX.organ },
  );

  const townshipCommittees = new Map<TownshipNode, Organisation>();
  const villageBranches = new Map<VillageNode, Organisation>();
  for (const township of regions.townships) {
    const isStreet = township.seed.kind === 'street';
    const committee = add({
      name: `中共红塔区${township.seed.name}${isStreet ? '工作委员会' : '委员会'}`,
      kind: OrganisationKind.PARTY_ORGANISATION,
      subtype: OrganisationSubtype.PARTY_COMMITTEE,
      region: township.region,
      parent: districtCommittee,
      description: `${township.seed.name}${isStreet ? '党工委' : '党委'}，领导辖区村（社区）党组织`,
      address: `红塔区${township.seed.name}便民服务中心`,
      contactName: '党建办公室',
    });
    townshipCommittees.set(township, committee);
    for (const village of township.villages) {
      const isDemo = village.region.name === DEMO_FIXTURES.community;
      // Larger communities have a general branch over several branches; the demo community keeps a branch.
      const general = !isDemo && village.isCommunity && random.chance(0.3);
      villageBranches.set(
        village,
        add({
          name: `中共红塔区${township.seed.name}${village.region.name}${general ? '总支部委员会' : '支部委员会'}`,
          kind: OrganisationKind.PARTY_ORGANISATION,
          subtype: general ? OrganisationSubtype.PARTY_GENERAL_BRANCH : OrganisationSubtype.PARTY_BRANCH,
          region: village.region,
          parent: committee,
          description: `${village.region.name}党组织，组织党员开展“双报到”和网格服务`,
          address: `红塔区${township.seed.name}${village.region.name}党群服务中心`,
          contactName: '党群服务中心',
        }),
      );
    }
  }

  const villageCommittees = new Map<VillageNode, Organisation>();
  for (const village of regions.villages) {
    const township = village.township.seed.name;
    villageCommittees.set(
      village,
      add(
        {
          // 社区 + 居民委员会; 村 + 民委员会 reads 村民委员会.
          name: `红塔区${township}${village.region.name}${village.isCommunity ? '居民委员会' : '民委员会'}`,
          kind: OrganisationKind.VILLAGE_COMMITTEE,
          region: village.region,
          description: village.isCommunity ? '社区居民自治组织，组织居民议事协商' : '村民自治组织，办理村公共事务和公益事业',
          address: `红塔区${township}${village.region.name}党群服务中心`,
          contactName: village.isCommunity ? '居委会办公室' : '村委会办公室',
        },
        { creditPrefix: CREDIT_CODE_PREFIX.selfGoverningBody },
      ),
    );
  }

  const collectives = COLLECTIVE_TOWNSHIPS.map((name, index) => {
    const village = regions.townships.find((township) => township.seed.name === name)!.villages[0]!;
    const organisation = add(
      {
        name: `玉溪市红塔区${shortTownshipName(name)}${village.region.name}强村发展有限公司`,
        kind: OrganisationKind.ENTERPRISE,
        subtype: OrganisationSubtype.VILLAGE_COLLECTIVE,
        region: village.region,
        description: '村集体经济组织出资设立，经营集体资产、物业租赁和农产品销售',
        address: `红塔区${name}${village.region.name}村委会一楼`,
      },
      {
        creditPrefix: CREDIT_CODE_PREFIX.enterprise,
        status: index === COLLECTIVE_TOWNSHIPS.length - 1 ? VerificationStatus.PENDING : VerificationStatus.VERIFIED,
      },
    );
    return { organisation, village };
  });

  const regionOf = (seed: OrganisationSeed): Region => {
    if (!seed.township) {
      return regions.district;
    }
    const township = regions.townships.find((node) => node.seed.name === seed.township);
    if (!township) {
      throw new Error(`demo organisation ${seed.name} names an unknown township ${seed.township}`);
    }
    return seed.inFirstVillage ? township.villages[0]!.region : township.region;
  };
  const units = [...DEPARTMENTS, ...ENTERPRISES, ...SOCIAL_ORGANISATIONS, ...DEMOCRATIC_PARTY_BODIES, ...PUBLIC_INSTITUTIONS].map(
    (seed): Unit => {
      const region = regionOf(seed);
      const organisation = add(
        {
          name: seed.name,
          kind: seed.kind,
          subtype: seed.subtype ?? null,
          democraticParty: seed.democraticParty ?? null,
          region,
          description: seed.description,
          address: seed.address,
        },
        { creditPrefix: seed.creditPrefix, status: seed.status, verificationNote: seed.verificationNote },
      );
      const partyOrganisation = seed.partyOrganisation
        ? add({
            name: seed.partyOrganisation.name,
            kind: OrganisationKind.PARTY_ORGANISATION,
            subtype: seed.partyOrganisation.subtype,
            region,
            parent: districtCommittee,
            description: `${seed.name}党组织`,
            address: seed.address,
            contactName: '党建办公室',
          })
        : undefined;
      return { seed, organisation, partyOrganisation };
    },
  );

  return { districtCommittee, townshipCommittees, villageBranches, villageCommittees, collectives, units, all };
}
