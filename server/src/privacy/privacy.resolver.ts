import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../app/context.js';
import { viewerDataExport, viewerDelete } from './privacy.service.js';
import { ViewerDataExportPayload, ViewerDeleteInput, ViewerDeletePayload } from './privacy.types.js';

/** The viewer's rights over their personal data (PIPL): access and portability, and erasure. */
@Resolver()
export class PrivacyResolver {
  @Authorized()
  @Mutation(() => ViewerDataExportPayload, {
    description: 'Exports everything held about the viewer as a JSON document (profile unmasked, memberships, roles, tokens, activity)',
  })
  async viewerDataExport(@Ctx() ctx: Context): Promise<ViewerDataExportPayload> {
    const result = await viewerDataExport(ctx);
    // Two result fields: the generic toPayload maps one key, so the payload is filled here from the same Result.
    return Object.assign(new ViewerDataExportPayload(), result.ok ? { ...result.value, userErrors: [] } : { userErrors: result.errors });
  }

  @Authorized()
  @Mutation(() => ViewerDeletePayload, {
    description:
      "Deletes the viewer's account after confirming the password: erases personal data, ends every session, " +
      'revokes API tokens, memberships and roles; the activity log keeps the anonymised person',
  })
  async viewerDelete(
    @Arg('input', () => ViewerDeleteInput, { description: 'The password, to confirm' }) input: ViewerDeleteInput,
    @Ctx() ctx: Context,
  ): Promise<ViewerDeletePayload> {
    const result = await viewerDelete(ctx, input);
    return Object.assign(new ViewerDeletePayload(), { deleted: result.ok, userErrors: result.ok ? [] : result.errors });
  }
}
