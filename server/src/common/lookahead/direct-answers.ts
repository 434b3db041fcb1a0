import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import {
  getArgumentValues,
  getVariableValues,
  Kind,
  type FieldNode,
  type FormattedExecutionResult,
  type FragmentDefinitionNode,
  type GraphQLField,
} from 'graphql';
import type { Context } from '../../app/context.js';
import { collectFields, type Operation } from './compile.js';

/**
 * Direct answers: a query whose every root field can be answered from compiled SQL skips graphql-js
 * execution altogether. PostgreSQL writes the JSON text of each root field (`compile.ts` in direct
 * mode) and the response is spliced together from those texts, so Node neither walks thousands of
 * fields nor parses and re-serialises them. Validation (our limits included), the context and the
 * other plugins run as for any operation. Anything a root cannot answer (another root field, an
 * uncompilable selection, bad input) goes through the resolvers as before, which also give the errors.
 * `tests/api/lookahead.test.ts` checks that both paths answer the same, field for field.
 */

/** A JSON text produced by PostgreSQL, spliced into the response as is. */
export class RawJson {
  constructor(readonly text: string) {}
}

/**
 * Answers the root `field` (arguments coerced) as JSON text, null for a null answer, or undefined to leave
 * it to the resolvers. May throw: the resolvers then answer, and report the error their way.
 */
export type DirectRoot = (
  ctx: Context,
  args: Record<string, unknown>,
  field: FieldNode,
  operation: Operation,
  definition: GraphQLField<unknown, unknown>,
) => Promise<RawJson | null | undefined>;

const roots = new Map<string, DirectRoot>();

export function registerDirectRoot(fieldName: string, answer: DirectRoot): void {
  roots.set(fieldName, answer);
}

/** The `data` of a direct answer: its JSON text, written out by `stringifyResult`. */
class DirectData {
  constructor(readonly json: string) {}
}

export function directAnswersPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ operation, document, request, contextValue, schema }): Promise<GraphQLResponse | null> {
          const queryType = schema.getQueryType();
          if (operation.operation !== 'query' || !queryType) {
            return null;
          }
          const variables = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
          if (variables.errors) {
            return null;
          }
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) {
              fragments[definition.name.value] = definition;
            }
          }
          const context: Operation = { variableValues: variables.coerced, fragments };
          const fields = collectFields(queryType, [operation.selectionSet], context);
          if (!fields?.size) {
            return null;
          }
          const parts: string[] = [];
          for (const [key, field] of fields) {
            const name = field.name.value;
            const answer = roots.get(name);
            const definition = queryType.getFields()[name];
            if (name === '__typename') {
              parts.push(`${JSON.stringify(key)}:${JSON.stringify(queryType.name)}`);
              continue;
            }
            if (!answer || !definition) {
              return null;
            }
            let value: RawJson | null | undefined;
            try {
              value = await answer(contextValue, getArgumentValues(definition, field, context.variableValues), field, context, definition);
            } catch {
              return null;
            }
            if (value === undefined) {
              return null;
            }
            parts.push(`${JSON.stringify(key)}:${value === null ? 'null' : value.text}`);
          }
          const data = new DirectData(`{${parts.join(',')}}`) as unknown as Record<string, unknown>;
          return { http: { headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data } } };
        },
      };
    },
  };
}

/** Apollo's `stringifyResult`: direct answers as their spliced text, everything else as Apollo writes it. */
export function stringifyResult(result: FormattedExecutionResult): string {
  if (result.data instanceof DirectData && !result.errors && !result.extensions) {
    return `{"data":${result.data.json}}\n`;
  }
  return `${JSON.stringify(result)}\n`;
}

/** `"key":value` members of a JSON object, written from response keys and JSON texts. */
export function jsonObject(members: [key: string, json: string][]): string {
  return `{${members.map(([key, json]) => `${JSON.stringify(key)}:${json}`).join(',')}}`;
}
