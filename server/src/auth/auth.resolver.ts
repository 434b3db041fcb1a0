import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../app/context.js';
import { toPayload, type Result } from '../common/errors/result.js';
import { registerNodeType } from '../common/relay/node-registry.js';
import { Person } from '../people/person.entity.js';
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
  async signIn(@Arg('input', () => SignInInput) input: SignInInput, @Ctx() ctx: Context): Promise<SignInPayload> {
    return toPayload(SignInPayload, asViewer(await auth.signIn(ctx, input)), 'viewer');
  }

  @Mutation(() => SignUpPayload, { description: 'Registers a new account and signs it in' })
  async signUp(@Arg('input', () => SignUpInput) input: SignUpInput, @Ctx() ctx: Context): Promise<SignUpPayload> {
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
    @Arg('input', () => PasswordChangeInput) input: PasswordChangeInput,
    @Ctx() ctx: Context,
  ): Promise<PasswordChangePayload> {
    return toPayload(PasswordChangePayload, asViewer(await auth.passwordChange(ctx, input)), 'viewer');
  }

  @Authorized()
  @Mutation(() => ApiTokenCreatePayload, { description: 'Creates a personal API token; its secret is returned only once' })
  async apiTokenCreate(
    @Arg('input', () => ApiTokenCreateInput) input: ApiTokenCreateInput,
    @Ctx() ctx: Context,
  ): Promise<ApiTokenCreatePayload> {
    const result = await apiTokenCreate(ctx, input);
    const payload = new ApiTokenCreatePayload();
    return Object.assign(payload, result.ok ? { ...result.value, userErrors: [] } : { userErrors: result.errors });
  }

  @Authorized()
  @Mutation(() => ApiTokenRevokePayload, { description: 'Revokes one of your API tokens; it signs nothing in any more' })
  async apiTokenRevoke(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ApiTokenRevokePayload> {
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
}
