import type { Context } from '../app/context.js';
import { fail, ok, type Result } from '../common/errors/result.js';
import { UserErrorCode } from '../common/errors/user-error-code.js';
import { Validator } from '../common/errors/validate.js';
import { uuidOf } from '../common/relay/global-id.js';
import { ApiToken } from './api-token.entity.js';
import { API_TOKEN_PREFIX, hashSecret, newSecret } from './tokens.js';

export interface CreatedToken {
  apiToken: ApiToken;
  /** The secret, shown exactly once. */
  secret: string;
}

export async function apiTokenCreate(ctx: Context, args: { name: string }): Promise<Result<CreatedToken>> {
  const validator = new Validator();
  const name = validator.text(['input', 'name'], args.name, { max: 100 });
  if (!validator.ok) {
    return { ok: false, errors: validator.errors };
  }
  const secret = newSecret(API_TOKEN_PREFIX);
  const apiToken = ctx.em.create(ApiToken, { name: name!, tokenHash: hashSecret(secret), person: ctx.auth!.personUuid });
  await ctx.em.flush();
  return ok({ apiToken, secret });
}

/** Revokes one of the viewer's own tokens; other people's tokens are "not found", never "forbidden". */
export async function apiTokenRevoke(ctx: Context, id: string): Promise<Result<ApiToken>> {
  const uuid = uuidOf(id, 'ApiToken');
  const apiToken = uuid ? await ctx.em.findOne(ApiToken, { uuid, person: ctx.auth!.personUuid }) : null;
  if (!apiToken) {
    return fail(UserErrorCode.NOT_FOUND, 'No such API token of yours', ['id']);
  }
  apiToken.revokedAt ??= ctx.clock.now();
  await ctx.em.flush();
  return ok(apiToken);
}
