import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../app/context.js';
import { toPayload, type Result } from '../common/errors/result.js';
import { registerNodeType } from '../common/relay/node-registry.js';
import { Person } from '../people/person.entity.js';
import { can } from '../policy/policy.js';
import { Region } from '../regions/region.entity.js';
import { ApiToken } from './api-token.entity.js';
import { apiTokenCreate, apiTokenRevoke } from './api-token.service.js';
import * as auth from './auth.service.js';
import {
  ApiTokenCreateInput,
  ApiTokenCreatePayload,
  ApiTokenRevokePayload,
  PasswordChangeInput,
  PasswordChangePayload,
  SignInInput,
  SignInPayload,
  SignOutPayload,
  SignUpInput,
  SignUpPayload,
  Viewer,
} from './auth.types.js';

// A token is only ever visible to its owner.
registerNodeType('ApiToken', {
  load: (ctx, uuid) => ctx.em.findOne(ApiToken, { uuid }).then((token) => token ?? undefined),
  canRead: (ctx, token) => (token as ApiToken).person.uuid === ctx.auth?.personUuid,
});

/** The regions at the end of materialised paths ("/a/b/" names region b). */
async function regionsAt(ctx: Context, paths: readonly string[]): Promise<Region[]> {
  const found = await ctx.loaders.regions.byUuid.loadMany(paths.map((path) => path.split('/').filter(Boolean).at(-1)!));
  return found.filter((region): region is Region => region instanceof Region);
}

function asViewer(result: Result<Person>): Result<Viewer> {
  return result.ok ? { ok: true, value: Object.assign(new Viewer(), { person: result.value }) } : result;
}

@Resolver(() => Viewer)
export class AuthResolver {
  @Query(() => Viewer, { nullable: true, description: 'The signed-in person; null when signed out' })
  async viewer(@Ctx() ctx: Context): Promise<Viewer | null> {
    const person = ctx.auth && (await ctx.loaders.people.byUuid.load(ctx.auth.personUuid));
    return person ? Object.assign(new Viewer(), { person }) : null;
  }

  @Mutation(() => SignInPayload, { description: 'Signs in with a mobile number or email and a password; sets the session cookie' })
  async signIn(
    @Arg('input', () => SignInInput, { description: 'The credentials' }) input: SignInInput,
    @Ctx() ctx: Context,
  ): Promise<SignInPayload> {
    return toPayload(SignInPayload, asViewer(await auth.signIn(ctx, input)), 'viewer');
  }

  @Mutation(() => SignUpPayload, { description: 'Registers a new account and signs it in' })
  async signUp(
    @Arg('input', () => SignUpInput, { description: 'The new account' }) input: SignUpInput,
    @Ctx() ctx: Context,
  ): Promise<SignUpPayload> {
    return toPayload(SignUpPayload, asViewer(await auth.signUp(ctx, input)), 'viewer');
  }

  @Mutation(() => SignOutPayload, { description: 'Ends the current session' })
  async signOut(@Ctx() ctx: Context): Promise<SignOutPayload> {
    const result = await auth.signOut(ctx);
    return Object.assign(new SignOutPayload(), { userErrors: result.ok ? [] : result.errors });
  }

  @Authorized()
  @Mutation(() => PasswordChangePayload, { description: "Changes the viewer's password and ends their other sessions" })
  async passwordChange(
    @Arg('input', () => PasswordChangeInput, { description: 'The current and the new password' }) input: PasswordChangeInput,
    @Ctx() ctx: Context,
  ): Promise<PasswordChangePayload> {
    return toPayload(PasswordChangePayload, asViewer(await auth.passwordChange(ctx, input)), 'viewer');
  }

  @Authorized()
  @Mutation(() => ApiTokenCreatePayload, { description: 'Creates a personal API token; its secret is returned only once' })
  async apiTokenCreate(
    @Arg('input', () => ApiTokenCreateInput, { description: 'The new token' }) input: ApiTokenCreateInput,
    @Ctx() ctx: Context,
  ): Promise<ApiTokenCreatePayload> {
    const result = await apiTokenCreate(ctx, input);
    const payload = new ApiTokenCreatePayload();
    return Object.assign(payload, result.ok ? { ...result.value, userErrors: [] } : { userErrors: result.errors });
  }

  @Authorized()
  @Mutation(() => ApiTokenRevokePayload, { description: 'Revokes one of your API tokens; it signs nothing in any more' })
  async apiTokenRevoke(@Arg('id', () => ID, { description: 'The token' }) id: string, @Ctx() ctx: Context): Promise<ApiTokenRevokePayload> {
    return toPayload(ApiTokenRevokePayload, await apiTokenRevoke(ctx, id), 'apiToken');
  }

  @FieldResolver(() => [ApiToken], { description: "The viewer's API tokens, newest first" })
  apiTokens(@Root() _viewer: Viewer, @Ctx() ctx: Context): Promise<ApiToken[]> {
    return ctx.em.find(ApiToken, { person: ctx.auth!.personUuid }, { orderBy: { createdAt: 'desc' } });
  }

  @FieldResolver(() => Boolean, { description: 'Indicates whether the viewer administers the whole platform' })
  async isPlatformAdmin(@Root() _viewer: Viewer, @Ctx() ctx: Context): Promise<boolean> {
    return (await ctx.actor())?.isPlatformAdmin ?? false;
  }

  @FieldResolver(() => [Region], {
    description: 'Regions the viewer administers as REGION_ADMIN (each with its subtree); for the platform admin, the top-level regions',
  })
  async administeredRegions(@Root() _viewer: Viewer, @Ctx() ctx: Context): Promise<Region[]> {
    const actor = await ctx.actor();
    if (actor?.isPlatformAdmin) {
      return ctx.em.find(Region, { parent: null }, { orderBy: { name: 'asc', uuid: 'asc' } });
    }
    return regionsAt(ctx, actor?.adminRegionPaths ?? []);
  }

  @FieldResolver(() => [Region], { description: 'Grids the viewer works as GRID_WORKER' })
  async gridRegions(@Root() _viewer: Viewer, @Ctx() ctx: Context): Promise<Region[]> {
    return regionsAt(ctx, (await ctx.actor())?.gridPaths ?? []);
  }

  @FieldResolver(() => Boolean, { description: 'Indicates whether the viewer verifies organisations somewhere (has a verification queue)' })
  async canVerifyOrganisations(@Root() _viewer: Viewer, @Ctx() ctx: Context): Promise<boolean> {
    return can(await ctx.actor(), 'organisations.verifyAny', null);
  }
}
