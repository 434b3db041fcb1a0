import type { EntityManager } from '@mikro-orm/postgresql';
import { hashPassword } from '../auth/password.js';
import { Person } from '../people/person.entity.js';
import { PersonTag } from '../people/person.enums.js';
import { RegionRole } from '../memberships/region-role.entity.js';
import { RegionRoleKind } from '../memberships/membership.enums.js';
import { Region } from '../regions/region.entity.js';
import { RegionLevel } from '../regions/region.enums.js';
import { DEMO_ACCOUNTS } from './accounts.js';
import type { DemoAccount } from './accounts.js';

/** Seeds the demo district (modelled on 红塔区, Yuxi) inside the caller's transaction. */
export async function seedDistrict(em: EntityManager): Promise<DemoAccount[]> {
  const district = em.create(Region, { name: '红塔区', level: RegionLevel.DISTRICT, divisionCode: '530402000000', path: '' });
  district.path = `/${district.uuid}/`;
  const passwordHash = await hashPassword(DEMO_ACCOUNTS[0]!.password);
  const people = DEMO_ACCOUNTS.map((account) =>
    em.create(Person, {
      name: account.name,
      phone: account.identifier,
      passwordHash,
      tags: [PersonTag.RESIDENT],
      residenceRegion: district,
    }),
  );
  em.create(RegionRole, { person: people[0]!, role: RegionRoleKind.PLATFORM_ADMIN });
  await em.flush();
  return DEMO_ACCOUNTS;
}
