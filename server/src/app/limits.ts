import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type GraphQLNamedType,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from 'graphql';

/**
 * Guards against queries that would cost the database far more than any page needs. Each limit fails
 * the whole operation before execution with a clear message and a stable `extensions.code`.
 */
export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  /** Upper bound of objects an operation may ask for, multiplying list sizes (`first`) down the tree. */
  maxCost: number;
}

export const LIMIT_CODES = new Set(['QUERY_TOO_DEEP', 'TOO_MANY_ALIASES', 'QUERY_TOO_COSTLY']);

export const DEFAULT_LIMITS: QueryLimits = { maxDepth: 15, maxAliases: 30, maxCost: 50_000 };
const DEFAULT_LIST_SIZE = 20;

interface Walk {
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  visiting: Set<string>;
  context: ValidationContext;
}

/** How many items a field may return: its `first`, or a default for other lists, or 1. */
function listSize(field: FieldNode, isList: boolean, walk: Walk): number {
  const first = field.arguments?.find((argument) => argument.name.value === 'first');
  if (first) {
    const value = valueOf(first.value, walk.variables);
    return typeof value === 'number' && value >= 0 ? value : DEFAULT_LIST_SIZE;
  }
  return isList ? DEFAULT_LIST_SIZE : 1;
}

function fieldType(parent: GraphQLNamedType | undefined, name: string) {
  if (!parent || !(isObjectType(parent) || isInterfaceType(parent))) {
    return undefined;
  }
  return parent.getFields()[name]?.type;
}

function valueOf(node: ValueNode, variables: Record<string, unknown>): unknown {
  if (node.kind === Kind.INT) {
    return Number(node.value);
  }
  if (node.kind === Kind.VARIABLE) {
    return variables[node.name.value];
  }
  return undefined;
}

/** Depth, aliases and cost of a selection set, following fragments (a cycle is left to graphql's own rule). */
function measure(
  selectionSet: SelectionSetNode,
  parent: GraphQLNamedType | undefined,
  walk: Walk,
): { depth: number; aliases: number; cost: number } {
  let depth = 0;
  let aliases = 0;
  let cost = 0;
  for (const selection of selectionSet.selections) {
    let inner: { depth: number; aliases: number; cost: number } | undefined;
    if (selection.kind === Kind.FIELD) {
      const alias = selection.alias ? 1 : 0;
      if (selection.name.value.startsWith('__')) {
        // Introspection is governed by the introspection switch, not by depth and cost.
        aliases += alias;
        continue;
      }
      const type = fieldType(parent, selection.name.value);
      const child = selection.selectionSet
        ? measure(selection.selectionSet, type && getNamedType(type), walk)
        : { depth: 0, aliases: 0, cost: 0 };
      // A connection's `nodes` and `edges` are bounded by the connection's own `first`, counted above.
      const isList = !!type && isListType(getNullableType(type)) && !parent?.name.endsWith('Connection');
      inner = {
        depth: child.depth + 1,
        aliases: child.aliases + alias,
        cost: 1 + listSize(selection, isList, walk) * child.cost,
      };
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const typeName = selection.typeCondition?.name.value;
      inner = measure(selection.selectionSet, typeName ? walk.context.getSchema().getType(typeName) : parent, walk);
    } else {
      const name = selection.name.value;
      const fragment = walk.fragments[name];
      if (!fragment || walk.visiting.has(name)) {
        continue;
      }
      walk.visiting.add(name);
      inner = measure(fragment.selectionSet, walk.context.getSchema().getType(fragment.typeCondition.name.value), walk);
      walk.visiting.delete(name);
    }
    depth = Math.max(depth, inner.depth);
    aliases += inner.aliases;
    cost += inner.cost;
  }
  return { depth, aliases, cost };
}

function limitError(message: string, code: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

export function queryLimitsRule(limits: QueryLimits, variables: () => Record<string, unknown> = () => ({})) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) {
        fragments[definition.name.value] = definition;
      }
    }
    return {
      OperationDefinition(operation) {
        const schema = context.getSchema();
        const root =
          operation.operation === 'query'
            ? schema.getQueryType()
            : operation.operation === 'mutation'
              ? schema.getMutationType()
              : schema.getSubscriptionType();
        const found = measure(operation.selectionSet, root ?? undefined, {
          fragments,
          variables: variables(),
          visiting: new Set(),
          context,
        });
        if (found.depth > limits.maxDepth) {
          context.reportError(limitError(`Query is ${found.depth} levels deep; the limit is ${limits.maxDepth}`, 'QUERY_TOO_DEEP'));
        }
        if (found.aliases > limits.maxAliases) {
          context.reportError(limitError(`Query uses ${found.aliases} aliases; the limit is ${limits.maxAliases}`, 'TOO_MANY_ALIASES'));
        }
        if (found.cost > limits.maxCost) {
          context.reportError(
            limitError(
              `Query could return ${found.cost} objects; the limit is ${limits.maxCost}. Ask for smaller pages.`,
              'QUERY_TOO_COSTLY',
            ),
          );
        }
      },
    };
  };
}
