import type { Context } from '../../app/context.js';

/**
 * How `node(id:)` fetches each type, with the same read rule as the type's own query: a global id
 * never opens a side door (no IDOR through `node`).
 */
export interface NodeType {
  load(ctx: Context, uuid: string): Promise<object | undefined>;
  canRead(ctx: Context, node: object): Promise<boolean> | boolean;
}

const nodeTypes = new Map<string, NodeType>();

export function registerNodeType(typeName: string, nodeType: NodeType): void {
  nodeTypes.set(typeName, nodeType);
}

export function nodeType(typeName: string): NodeType | undefined {
  return nodeTypes.get(typeName);
}
