import type { NonEmptyArray } from 'type-graphql';
import { AuthResolver } from '../auth/auth.resolver.js';
import { NodeResolver } from '../common/relay/node.resolver.js';
import { MembershipResolver, RegionRoleResolver } from '../memberships/membership.resolver.js';
import { OrganisationResolver } from '../organisations/organisation.resolver.js';
import { PersonResolver } from '../people/person.resolver.js';
import { RegionResolver } from '../regions/region.resolver.js';

/** Every feature's resolvers; adding a feature means adding it here. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [
  NodeResolver,
  AuthResolver,
  RegionResolver,
  PersonResolver,
  OrganisationResolver,
  MembershipResolver,
  RegionRoleResolver,
];
