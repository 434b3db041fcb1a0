/** The LISTEN/NOTIFY topic of a project's timeline. */
export function projectActivityTopic(projectUuid: string): string {
  return `projectActivity:${projectUuid}`;
}
