import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../app/context.js';
import { toPayload } from '../common/errors/result.js';
import { Connection, ConnectionArgs, paginate, type ConnectionShape } from '../common/relay/connection.js';
import { uuidOf } from '../common/relay/global-id.js';
import { registerNodeType } from '../common/relay/node-registry.js';
import { maskAddress, maskEmail, maskPhone } from '../common/validation/mask.js';
import { Membership } from '../memberships/membership.entity.js';
import { canReadMembership } from '../memberships/membership.access.js';
import { RegionRole } from '../memberships/region-role.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { can } from '../policy/policy.js';
import { Region } from '../regions/region.entity.js';
import { Person } from './person.entity.js';
import { PersonFilter, PersonUpdateInput } from './person.inputs.js';
import { PersonUpdatePayload } from './person.payloads.js';
import { canSeePersonalData, personFacts } from './person-privacy.js';
import { peopleSearchWhere, personUpdate } from './person.service.js';

export const PersonConnection = Connection(Person, 'Person');

/** People are visible by name to signed-in users; personal data stays masked unless the policy allows more. */
async function canReadPerson(ctx: Context, person: Person): Promise<boolean> {
  return can(await ctx.actor(), 'person.read', { deleted: !!person.deletedAt });
}

registerNodeType('Person', {
  load: (ctx, uuid) => ctx.loaders.people.byUuid.load(uuid),
  canRead: (ctx, person) => canReadPerson(ctx, person as Person),
});

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, {
    nullable: true,
    description: 'A person by id; null when signed out, for an erased account, or when there is none',
  })
  async person(@Arg('id', () => ID, { description: 'Global id of the person' }) id: string, @Ctx() ctx: Context): Promise<Person | null> {
    const uuid = uuidOf(id, 'Person');
    const person = uuid && (await ctx.loaders.people.byUuid.load(uuid));
    return person && (await canReadPerson(ctx, person)) ? person : null;
  }

  @Authorized()
  @Query(() => PersonConnection, {
    description:
      'People by name: everyone for the platform admin, the residents of their subtrees for region admins and grid workers; ' +
      'FORBIDDEN for anyone else',
  })
  async people(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => PersonFilter, { nullable: true, description: 'Conditions the people must meet' }) filter: PersonFilter | null,
    @Ctx() ctx: Context,
  ): Promise<ConnectionShape<Person>> {
    return paginate(ctx.em, Person, await peopleSearchWhere(ctx, filter), { name: 'asc', uuid: 'asc' }, page);
  }

  @Authorized()
  @Mutation(() => PersonUpdatePayload, { description: "Edits a person's profile: your own, or anyone's for the platform admin" })
  async personUpdate(
    @Arg('id', () => ID, { description: 'The person' }) id: string,
    @Arg('input', () => PersonUpdateInput, { description: 'The fields to change' }) input: PersonUpdateInput,
    @Ctx() ctx: Context,
  ): Promise<PersonUpdatePayload> {
    return toPayload(PersonUpdatePayload, await personUpdate(ctx, id, input), 'person');
  }

  @FieldResolver(() => String, { nullable: true, description: 'Mobile number; masked (138****1234) unless you may see it' })
  async phone(@Root() person: Person, @Ctx() ctx: Context): Promise<string | null> {
    if (!person.phone) {
      return null;
    }
    return (await canSeePersonalData(ctx, person)) ? person.phone : maskPhone(person.phone);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Email; masked unless you may see it' })
  async email(@Root() person: Person, @Ctx() ctx: Context): Promise<string | null> {
    if (!person.email) {
      return null;
    }
    return (await canSeePersonalData(ctx, person)) ? person.email : maskEmail(person.email);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Home address; masked unless you may see it' })
  async address(@Root() person: Person, @Ctx() ctx: Context): Promise<string | null> {
    if (!person.address) {
      return null;
    }
    return (await canSeePersonalData(ctx, person)) ? person.address : maskAddress(person.address);
  }

  @FieldResolver(() => Boolean, { description: 'Indicates whether the viewer sees this person unmasked' })
  viewerCanSeePersonalData(@Root() person: Person, @Ctx() ctx: Context): Promise<boolean> {
    return canSeePersonalData(ctx, person);
  }

  @FieldResolver(() => Boolean, { description: "Indicates whether the viewer may edit this person's profile (personUpdate)" })
  async viewerCanUpdate(@Root() person: Person, @Ctx() ctx: Context): Promise<boolean> {
    const actor = await ctx.actor();
    return !!actor && !person.deletedAt && can(actor, 'person.update', await personFacts(ctx, person));
  }

  @FieldResolver(() => Region, { nullable: true, description: 'Region the person lives in' })
  residenceRegion(@Root() person: Person, @Ctx() ctx: Context): Promise<Region | undefined> | null {
    return person.residenceRegion ? ctx.loaders.regions.byUuid.load(person.residenceRegion.uuid) : null;
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'Party organisation of the work unit the member reports to (双报到)' })
  partyHomeOrganisation(@Root() person: Person, @Ctx() ctx: Context): Promise<Organisation | undefined> | null {
    return person.partyHomeOrganisation ? ctx.loaders.organisations.byUuid.load(person.partyHomeOrganisation.uuid) : null;
  }

  @FieldResolver(() => Organisation, {
    nullable: true,
    description: 'Party organisation of the residence community the member reports to (双报到)',
  })
  partyResidenceOrganisation(@Root() person: Person, @Ctx() ctx: Context): Promise<Organisation | undefined> | null {
    return person.partyResidenceOrganisation ? ctx.loaders.organisations.byUuid.load(person.partyResidenceOrganisation.uuid) : null;
  }

  @FieldResolver(() => [Membership], {
    description: "The person's memberships you may see: all of your own; others' where you may read the organisation's members",
  })
  async memberships(@Root() person: Person, @Ctx() ctx: Context): Promise<Membership[]> {
    const memberships = await ctx.loaders.memberships.byPerson.load(person.uuid);
    const visible = await Promise.all(memberships.map((membership) => canReadMembership(ctx, membership)));
    return memberships.filter((_membership, index) => visible[index]);
  }

  @FieldResolver(() => [RegionRole], { description: 'Roles the person holds over regions' })
  regionRoles(@Root() person: Person, @Ctx() ctx: Context): Promise<RegionRole[]> {
    return ctx.loaders.memberships.regionRolesByPerson.load(person.uuid);
  }
}
