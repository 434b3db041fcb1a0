import type { CodegenConfig } from '@graphql-codegen/cli';

// CODEGEN_OUT lets the staleness test generate into a scratch folder and compare with the committed files.
const output = process.env.CODEGEN_OUT ?? 'src/graphql/generated/';

const config: CodegenConfig = {
  // The contract the server emits (`pnpm schema:emit`); CI checks both for drift.
  schema: '../schema/schema.graphql',
  documents: ['src/**/*.graphql', 'src/**/*.vue'],
  ignoreNoDocuments: true,
  generates: {
    [output]: {
      preset: 'client',
      config: {
        // Scalars arrive as JSON strings; exact decimals must never become JS floats.
        scalars: { DateTime: 'string', Date: 'string', Decimal: 'string' },
        strictScalars: true,
        // String unions instead of TS enums: erasable syntax, comparable with plain strings.
        enumsAsTypes: true,
        useTypeImports: true,
      },
    },
  },
};

export default config;
