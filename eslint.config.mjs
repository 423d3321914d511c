// Lint exists here for one job above all: Nx module boundaries. A service may import shared libs
// (scope:shared) and nothing of another service; libs import only libs. The web UI (React) is
// also held to the rules of hooks, which its type-check cannot see.
import nx from '@nx/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', '.infra/**', 'coverage/**'] },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaVersion: 2022, sourceType: 'module' } },
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:intake', onlyDependOnLibsWithTags: ['scope:shared', 'scope:intake'] },
            { sourceTag: 'scope:routing', onlyDependOnLibsWithTags: ['scope:shared', 'scope:routing'] },
            { sourceTag: 'scope:mediation', onlyDependOnLibsWithTags: ['scope:shared', 'scope:mediation'] },
            { sourceTag: 'scope:supervision', onlyDependOnLibsWithTags: ['scope:shared', 'scope:supervision'] },
            { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:shared', 'scope:gateway'] },
          ],
        },
      ],
    },
  },
  {
    // React's own rules (hooks called unconditionally, effect dependencies, pure renders), as errors:
    // `npm test` lints with --max-warnings 0.
    files: ['services/gateway/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.flat.recommended.rules, 'react-hooks/exhaustive-deps': 'error' },
  },
];
