/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    viewer {\n      person {\n        id\n        name\n      }\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.SignInDocument,
    "mutation SignOut {\n  signOut {\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.SignOutDocument,
    "mutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    viewer {\n      person {\n        id\n        name\n      }\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.SignUpDocument,
    "query Viewer {\n  viewer {\n    person {\n      id\n      name\n      regionRoles {\n        id\n        role\n        region {\n          id\n          name\n        }\n      }\n    }\n  }\n}": typeof types.ViewerDocument,
};
const documents: Documents = {
    "mutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    viewer {\n      person {\n        id\n        name\n      }\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.SignInDocument,
    "mutation SignOut {\n  signOut {\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.SignOutDocument,
    "mutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    viewer {\n      person {\n        id\n        name\n      }\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.SignUpDocument,
    "query Viewer {\n  viewer {\n    person {\n      id\n      name\n      regionRoles {\n        id\n        role\n        region {\n          id\n          name\n        }\n      }\n    }\n  }\n}": types.ViewerDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    viewer {\n      person {\n        id\n        name\n      }\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): (typeof documents)["mutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    viewer {\n      person {\n        id\n        name\n      }\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SignOut {\n  signOut {\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): (typeof documents)["mutation SignOut {\n  signOut {\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    viewer {\n      person {\n        id\n        name\n      }\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): (typeof documents)["mutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    viewer {\n      person {\n        id\n        name\n      }\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Viewer {\n  viewer {\n    person {\n      id\n      name\n      regionRoles {\n        id\n        role\n        region {\n          id\n          name\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query Viewer {\n  viewer {\n    person {\n      id\n      name\n      regionRoles {\n        id\n        role\n        region {\n          id\n          name\n        }\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;