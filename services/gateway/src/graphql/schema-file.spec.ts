import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import { printGatewaySchema, writeSchemaFileIfChanged } from './schema-file';

describe('schema file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gw-schema-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const schema = buildSchema('type Query { b: Int, a: String }');

  it('prints the SDL sorted, under the generated-file header', () => {
    const sdl = printGatewaySchema(schema);
    expect(sdl).toMatch(/^# -+\n# THIS FILE WAS AUTOMATICALLY GENERATED/);
    expect(sdl.indexOf('a: String')).toBeLessThan(sdl.indexOf('b: Int'));
  });

  it('writes only when the SDL changed, leaving no temporary file behind', () => {
    const file = join(dir, 'schema.gql');
    writeFileSync(file, 'stale');
    expect(writeSchemaFileIfChanged(schema, file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(printGatewaySchema(schema));
    const written = statSync(file).mtimeMs;
    expect(writeSchemaFileIfChanged(schema, file)).toBe(false);
    expect(statSync(file).mtimeMs).toBe(written);
    expect(readdirSync(dir)).toEqual(['schema.gql']);
  });
});
