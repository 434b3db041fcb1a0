import type { EntityManager } from '@mikro-orm/postgresql';
import { Membership } from '../memberships/membership.entity.js';
import type { MembershipRole, RegionRoleKind } from '../memberships/membership.enums.js';
import { RegionRole } from '../memberships/region-role.entity.js';
import type { Organisation } from '../organisations/organisation.entity.js';
import type { Person } from '../people/person.entity.js';
import type { Region } from '../regions/region.entity.js';

const latest = (...dates: Date[]) => new Date(Math.max(...dates.map((date) => date.getTime())));

/** Collects the memberships and region roles of the demo, one membership per person and organisation. */
export class Roles {
  readonly memberships: Membership[] = [];
  readonly regionRoles: RegionRole[] = [];
  private readonly held = new Map<string, Membership>();

  constructor(private readonly em: EntityManager) {}

  /** Makes `person` a member of `organisation`; an existing membership is kept as it is. */
  join(person: Person, organisation: Organisation, role: MembershipRole): void {
    const key = `${person.uuid}:${organisation.uuid}`;
    if (this.held.has(key)) {
      return;
    }
    const membership = this.em.create(
      Membership,
      { person, organisation, role, createdAt: latest(person.createdAt, organisation.createdAt) },
      { persist: false },
    );
    this.held.set(key, membership);
    this.memberships.push(membership);
  }

  isMember(person: Person, organisation: Organisation): boolean {
    return this.held.has(`${person.uuid}:${organisation.uuid}`);
  }

  grant(person: Person, role: RegionRoleKind, region: Region | null): void {
    this.regionRoles.push(this.em.create(RegionRole, { person, role, region, createdAt: person.createdAt }, { persist: false }));
  }
}
