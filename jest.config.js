// Three tiers with fixed places (STYLE.md §11): unit beside the code, integration per service
// against the real PostgreSQL and NATS, end-to-end of the whole system under tests/e2e.
// NestJS 12 ships ESM only; @swc/jest transforms it so Jest on Node 20 can load it (STACK.md trap 1).
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
};
const base = {
  testEnvironment: 'node',
  rootDir: __dirname,
  transform: {
    '^.+\\.ts$': ['@swc/jest', swc],
    '^.+\\.m?js$': ['@swc/jest', { ...swc, jsc: { ...swc.jsc, parser: { syntax: 'ecmascript' } } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|file-type|load-esm|@nats-io|chinese-days)/)'],
  moduleNameMapper: { '^@yikouban/(.*)$': '<rootDir>/libs/$1/src/index.ts' },
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
  setupFiles: ['reflect-metadata'],
};
module.exports = {
  // Integration and e2e tests wait on real servers; unit tests finish far inside this anyway.
  testTimeout: 60000,
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{libs,services,tests/static}/**/*.spec.ts'] },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/{libs,services}/**/*.int-spec.ts'],
    },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/tests/e2e/**/*.e2e-spec.ts'] },
    // The built system driven through the web UI in headless Chromium (needs `npm run build` first).
    { ...base, displayName: 'browser', testMatch: ['<rootDir>/tests/browser/**/*.browser-spec.ts'] },
  ],
};
