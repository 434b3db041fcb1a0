import { registerEnumType } from 'type-graphql';

/** A person's role inside one organisation. */
export enum MembershipRole {
  ADMIN = 'ADMIN',
  COORDINATOR = 'COORDINATOR',
  MEMBER = 'MEMBER',
}

/** Roles held over a part of the region tree rather than in an organisation. */
export enum RegionRoleKind {
  PLATFORM_ADMIN = 'PLATFORM_ADMIN',
  REGION_ADMIN = 'REGION_ADMIN',
  GRID_WORKER = 'GRID_WORKER',
}

registerEnumType(MembershipRole, { name: 'MembershipRole', description: 'Role of a person in an organisation' });
registerEnumType(RegionRoleKind, {
  name: 'RegionRoleKind',
  description: 'Role held over a region subtree',
  valuesConfig: {
    PLATFORM_ADMIN: { description: 'Administers the whole platform' },
    REGION_ADMIN: { description: 'Administers a region and everything below it' },
    GRID_WORKER: { description: 'Works a grid (网格员)' },
  },
});
