/** Whether an optional GraphQL input field was given a value (omitted fields are undefined, cleared ones null). */
export function isGiven<T>(value: T | null | undefined): value is T {
  return value !== null && value !== undefined;
}
