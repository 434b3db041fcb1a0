import type { PersonTag } from '@/graphql/generated/graphql';

/** Limits of the API's personUpdate, checked in the form for immediate feedback. */
export const MAX_SKILLS = 20;
export const MAX_SKILL_LENGTH = 30;

/**
 * The one tag people set for themselves; the others (party member, grid worker, 乡贤…) are
 * recorded by the organisations and administrators who know them.
 */
export const SELF_SET_TAG: PersonTag = 'VOLUNTEER';

/** The tag list to send: the person's current tags with only the self-set tag switched on or off. */
export function withSelfSetTag(tags: readonly PersonTag[], on: boolean): PersonTag[] {
  const others = tags.filter((tag) => tag !== SELF_SET_TAG);
  return on ? [...others, SELF_SET_TAG] : others;
}
