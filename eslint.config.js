// Lint rules, including the dependency rules of ARCHITECTURE.md that the compiler cannot see.
import svelte from 'eslint-plugin-svelte';
import tseslint from 'typescript-eslint';

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }],
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', '.tsbuild/**', 'out/**', 'test-results/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
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
  // Svelte components: the plugin's recommended rules, TypeScript in <script lang="ts"> parsed with type information
  // (so no-floating-promises sees the components too), and the same layer rules as the .ts files beside them.
  ...svelte.configs['flat/recommended'],
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        parser: tseslint.parser,
        projectService: true,
        extraFileExtensions: ['.svelte'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      'no-eval': 'error',
      'no-new-func': 'error',
      // Our state holds plain Maps and URLs in $state.raw and replaces them whole, never mutating them in place
      // (the Threlte habit in ARCHITECTURE.md), so Svelte's reactive collections would only add proxies.
      'svelte/prefer-svelte-reactivity': 'off',
    },
  },
  {
    files: ['renderer/**/*.svelte'],
    rules: restrict(['electron', 'node:*', '**/main/**', '**/cli/**', '**/tests/**', '**/scene/ar/**', '**/scene/convert', '**/scene/studio'], 'renderer/ reaches its host through renderer/host/ only, and Babylon through scene/index.ts only'),
  },
  { files: ['node/**/*.ts'], ignores: ['node/**/*.test.ts'], rules: restrict(['electron', '**/main/**', '**/renderer/**', '**/cli/**', '**/tests/**', '@babylonjs/*', 'svelte'], 'node/ is shared by main/ and cli/: it imports core/ only') },
  {
    files: ['core/**/*.ts'],
    ignores: ['core/**/*.test.ts'],
    rules: restrict(['node:*', 'fs', 'path', 'electron', 'svelte', 'svelte/*', '@babylonjs/*', '**/main/**', '**/renderer/**', '**/cli/**', '**/tests/**'], 'core/ is pure TypeScript: no Node, Electron, Svelte, Babylon or other layers'),
  },
  // Later entries replace a rule's whole setting, so this one repeats core's patterns beside its own.
  {
    files: ['core/geometry/**/*.ts', 'core/import/**/*.ts', 'core/formats/**/*.ts'],
    ignores: ['core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'electron', 'svelte', 'svelte/*', '@babylonjs/*', '**/main/**', '**/renderer/**', '**/cli/**', '**/tests/**'], message: 'core/ is pure TypeScript: no Node, Electron, Svelte, Babylon or other layers' },
            { group: ['**/export', '**/export/**'], message: 'geometry, the readers and the shared formats never import the writers (core/export)' },
          ],
        },
      ],
    },
  },
  { files: ['cli/**/*.ts'], rules: restrict(['electron', '**/main/**', '**/renderer/**', '**/tests/**', '@babylonjs/*', 'svelte'], 'cli/ imports core/ only') },
  { files: ['main/**/*.ts'], ignores: ['main/**/*.test.ts'], rules: restrict(['**/renderer/**', '**/cli/**', '**/tests/**', '@babylonjs/*', 'svelte'], 'main/ imports core/ only') },
  { files: ['renderer/**/*.ts'], ignores: ['renderer/**/*.test.ts', 'renderer/vite.config.ts'], rules: restrict(['electron', 'node:*', '**/main/**', '**/cli/**', '**/tests/**'], 'renderer/ reaches its host through renderer/host/ only') },
  { files: ['renderer/scene/**/*.ts'], ignores: ['renderer/**/*.test.ts'], rules: restrict(['electron', 'node:*', 'svelte', 'svelte/*', '**/ui/**', '**/main/**', '**/cli/**'], 'scene/ never imports Svelte or ui/') },
  { files: ['renderer/worker/**/*.ts'], ignores: ['renderer/**/*.test.ts'], rules: restrict(['electron', 'node:*', 'svelte', '@babylonjs/*', '**/ui/**', '**/scene/**', '**/host/**', '**/main/**', '**/cli/**'], 'worker/ imports core/ only') },
);
