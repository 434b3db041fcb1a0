import type { EntityManager } from '@mikro-orm/postgresql';
import type { Organisation } from '../organisations/organisation.entity.js';
import { Person } from '../people/person.entity.js';
import { PersonTag, type DemocraticParty } from '../people/person.enums.js';
import { DEMO_ACCOUNTS } from './accounts.js';
import { personName } from './names.js';
import type { Random } from './random.js';
import type { GridNode, MicroGridNode, VillageNode } from './region-tree.js';
import { VOLUNTEER_SKILLS } from './skills.js';
import type { Timeline } from './timeline.js';

/** Where a person lives: a grid of a village, or one of the grid's micro-grids. */
export interface Residence {
  village: VillageNode;
  grid: GridNode;
  microGrid?: MicroGridNode;
}

export interface PersonOptions {
  name?: string;
  phone?: string;
  passwordHash?: string;
  tags?: PersonTag[];
  skills?: string[];
  democraticParty?: DemocraticParty;
}

/** Mobile prefixes of the three carriers; 138 is left out, so no number can collide with a demo account. */
const MOBILE_PREFIXES = ['139', '137', '136', '135', '150', '151', '152', '158', '159', '182', '187', '188', '177', '180', '189', '199'];

/**
 * Makes the district's people: name, unique mobile number, home address matching where they live,
 * tags, skills, and the 双报到 links of party members. Generated people get no password (they cannot
 * sign in); only the demo accounts have one.
 */
export class PeopleFactory {
  readonly people: Person[] = [];
  private readonly residences = new Map<Person, Residence>();
  private readonly phones = new Set<string>(DEMO_ACCOUNTS.map((account) => account.identifier));

  constructor(
    private readonly em: EntityManager,
    private readonly random: Random,
    private readonly timeline: Timeline,
    /** The party organisation of a village (its branch), where resident party members report. */
    private readonly branchOf: (village: VillageNode) => Organisation,
  ) {}

  /** A home in `village`: in `grid` if given, else a random grid; sometimes in one of its micro-grids. */
  residenceIn(village: VillageNode, grid?: GridNode): Residence {
    const chosen = grid ?? this.random.pick(village.grids);
    const microGrid = chosen.microGrids.length > 0 && this.random.chance(0.6) ? this.random.pick(chosen.microGrids) : undefined;
    return { village, grid: chosen, microGrid };
  }

  create(residence: Residence, options: PersonOptions = {}): Person {
    const person = this.em.create(
      Person,
      {
        name: options.name ?? personName(this.random),
        phone: options.phone ?? this.mobile(),
        passwordHash: options.passwordHash ?? null,
        address: this.address(residence),
        residenceRegion: residence.microGrid?.region ?? residence.grid.region,
        tags: [PersonTag.RESIDENT, ...(options.tags ?? [])],
        skills: options.skills ?? [],
        democraticParty: options.democraticParty ?? null,
        createdAt: this.timeline.daysAgo(this.random.int(30, 380)),
      },
      { persist: false },
    );
    this.people.push(person);
    this.residences.set(person, residence);
    return person;
  }

  residenceOf(person: Person): Residence {
    return this.residences.get(person)!;
  }

  /** Adds a tag once. */
  tag(person: Person, tag: PersonTag): void {
    if (!person.tags.includes(tag)) {
      person.tags = [...person.tags, tag];
    }
  }

  /**
   * 双报到: a party member reports to the party organisation of their work unit (`home`; for those without
   * one, their community's) and to the branch where they live.
   */
  makePartyMember(person: Person, home?: Organisation): void {
    this.tag(person, PersonTag.PARTY_MEMBER);
    const residenceBranch = this.branchOf(this.residenceOf(person).village);
    person.partyHomeOrganisation = home ?? residenceBranch;
    person.partyResidenceOrganisation = residenceBranch;
  }

  makeVolunteer(person: Person): void {
    this.tag(person, PersonTag.VOLUNTEER);
    if (person.skills.length === 0) {
      person.skills = this.random.sample(VOLUNTEER_SKILLS, this.random.int(1, 3));
    }
  }

  private mobile(): string {
    for (;;) {
      const phone = `${this.random.pick(MOBILE_PREFIXES)}${String(this.random.int(0, 99_999_999)).padStart(8, '0')}`;
      if (!this.phones.has(phone)) {
        this.phones.add(phone);
        return phone;
      }
    }
  }

  private address({ village, microGrid }: Residence): string {
    const place = `红塔区${village.township.seed.name}${village.region.name}`;
    if (village.isCommunity) {
      const building = microGrid?.number ?? this.random.int(1, 40);
      return `${place}${building}号楼${this.random.int(1, 4)}单元${this.random.int(1, 18)}0${this.random.int(1, 4)}室`;
    }
    const group = microGrid?.number ?? this.random.int(1, 12);
    return `${place}第${group}村民小组${this.random.int(1, 120)}号`;
  }
}
