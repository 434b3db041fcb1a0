/**
 * Global ids are base64url("Type:uuid"): opaque to clients, yet they say which table to look in, so
 * `node(id:)` is one indexed lookup and an id of the wrong type is rejected instead of matching by chance.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function toGlobalId(type: string, uuid: string): string {
  return Buffer.from(`${type}:${uuid}`).toString('base64url');
}

export interface DecodedId {
  type: string;
  uuid: string;
}

export function fromGlobalId(id: string): DecodedId | undefined {
  if (typeof id !== 'string' || id.length > 200) {
    return undefined;
  }
  const decoded = Buffer.from(id, 'base64url').toString('utf8');
  const separator = decoded.indexOf(':');
  const type = decoded.slice(0, separator);
  const uuid = decoded.slice(separator + 1);
  return separator > 0 && UUID.test(uuid) ? { type, uuid } : undefined;
}

/** The uuid of `id` when it names an object of `type`, else undefined. */
export function uuidOf(id: string, type: string): string | undefined {
  const decoded = fromGlobalId(id);
  return decoded?.type === type ? decoded.uuid : undefined;
}
