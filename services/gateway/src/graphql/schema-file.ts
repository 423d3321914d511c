import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GRAPHQL_SDL_FILE_HEADER } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';

/** The committed SDL (services/gateway/schema.gql); CI compares it with the code-first schema. */
export const GATEWAY_SCHEMA_FILE = join(__dirname, '..', '..', 'schema.gql');

/** The SDL as committed: sorted, with Nest's generated-file header. */
export function printGatewaySchema(schema: GraphQLSchema): string {
  return GRAPHQL_SDL_FILE_HEADER + printSchema(lexicographicSortSchema(schema)) + '\n';
}

/**
 * Writes the SDL only when it changed, through a temporary file and a rename, so a test or a
 * drift check reading it concurrently never sees half a file (Nest's autoSchemaFile truncates
 * and rewrites on every boot).
 */
export function writeSchemaFileIfChanged(schema: GraphQLSchema, file: string): boolean {
  const sdl = printGatewaySchema(schema);
  if (existsSync(file) && readFileSync(file, 'utf8') === sdl) return false;
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, sdl);
  renameSync(tmp, file);
  return true;
}
