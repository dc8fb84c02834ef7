// Lint rules, including the dependency rules of ARCHITECTURE.md that the compiler cannot see.
import tseslint from 'typescript-eslint';

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }],
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', '.tsbuild/**', 'out/**', 'test-results/**', '**/*.svelte', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.base],
    languageOptions: { parserOptions: {
        projectService: { allowDefaultProject: ['vitest.config.ts', 'renderer/vite.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['core/**/*.ts'],
    ignores: ['core/**/*.test.ts'],
    rules: restrict(['node:*', 'fs', 'path', 'electron', 'svelte', 'svelte/*', '@babylonjs/*', '**/main/**', '**/renderer/**', '**/cli/**', '**/tests/**'], 'core/ is pure TypeScript: no Node, Electron, Svelte, Babylon or other layers'),
  },
  { files: ['cli/**/*.ts'], rules: restrict(['electron', '**/main/**', '**/renderer/**', '**/tests/**', '@babylonjs/*', 'svelte'], 'cli/ imports core/ only') },
  { files: ['main/**/*.ts'], ignores: ['main/**/*.test.ts'], rules: restrict(['**/renderer/**', '**/cli/**', '**/tests/**', '@babylonjs/*', 'svelte'], 'main/ imports core/ only') },
  { files: ['renderer/**/*.ts'], ignores: ['renderer/**/*.test.ts', 'renderer/vite.config.ts'], rules: restrict(['electron', 'node:*', '**/main/**', '**/cli/**', '**/tests/**'], 'renderer/ reaches its host through renderer/host/ only') },
  { files: ['renderer/scene/**/*.ts'], ignores: ['renderer/**/*.test.ts'], rules: restrict(['electron', 'node:*', 'svelte', 'svelte/*', '**/ui/**', '**/main/**', '**/cli/**'], 'scene/ never imports Svelte or ui/') },
  { files: ['renderer/worker/**/*.ts'], ignores: ['renderer/**/*.test.ts'], rules: restrict(['electron', 'node:*', 'svelte', '@babylonjs/*', '**/ui/**', '**/scene/**', '**/host/**', '**/main/**', '**/cli/**'], 'worker/ imports core/ only') },
);
