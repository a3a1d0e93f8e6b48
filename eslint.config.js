// ESLint flat config. The layer rules below keep the pure layers free of the DOM, React, Node and
// the UI libraries (STYLE.md "Architecture in one picture"): arrows point inward only.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const uiLibraries = ['react', 'react-dom', 'react/*', 'zustand', 'zustand/*', 'cytoscape', 'cytoscape-*', 'monaco-editor', 'monaco-editor/*'];
const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'url', 'process', 'worker_threads'];

function layer(files, forbiddenFolders, extra = []) {
  const patterns = [
    ...forbiddenFolders.map((folder) => ({
      group: [`**/${folder}`, `**/${folder}/*`, `../${folder}/*`, `../../${folder}/*`],
      message: `this layer must not depend on src/${folder} (STYLE.md: layers depend downwards only)`,
    })),
    ...(extra.length ? [{ group: extra, message: 'pure layers use no UI library and no Node API' }] : []),
  ];
  return { files, rules: { 'no-restricted-imports': ['error', { patterns }] } };
}

const pureGlobals = { 'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'sessionStorage', 'setTimeout', 'setInterval', 'fetch', 'navigator', 'process', 'performance'] };

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'public/**', 'bin/**', '*.config.js', 'src/ui/editor/monaco.slim.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'func-style': ['error', 'declaration', { allowArrowFunctions: true }],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'use an `as const` list with a derived union (STYLE.md rule 3)' },
        { selector: 'Program > VariableDeclaration > VariableDeclarator > ArrowFunctionExpression', message: 'module-level functions are `function` declarations (STYLE.md rule 10)' },
        { selector: 'Program > ExportNamedDeclaration > VariableDeclaration > VariableDeclarator > ArrowFunctionExpression', message: 'module-level functions are `function` declarations (STYLE.md rule 10)' },
      ],
    },
  },
  { files: ['src/**/*.tsx', 'src/**/use*.ts'], plugins: { 'react-hooks': reactHooks }, rules: reactHooks.configs.recommended.rules },
  layer(['src/model/**'], ['engine', 'analysis', 'catalog', 'io', 'worker', 'cli', 'state', 'graph', 'ui', 'lessons'], [...uiLibraries, ...nodeBuiltins]),
  layer(['src/engine/**'], ['analysis', 'io', 'worker', 'cli', 'state', 'graph', 'ui', 'lessons'], [...uiLibraries, ...nodeBuiltins]),
  layer(['src/catalog/**'], ['engine', 'analysis', 'io', 'worker', 'cli', 'state', 'graph', 'ui', 'lessons'], [...uiLibraries, ...nodeBuiltins]),
  layer(['src/analysis/**'], ['io', 'worker', 'cli', 'state', 'graph', 'ui', 'lessons'], [...uiLibraries, ...nodeBuiltins]),
  layer(['src/io/**'], ['analysis', 'worker', 'cli', 'state', 'graph', 'ui', 'lessons'], [...uiLibraries, ...nodeBuiltins]),
  // Exporters serialise analysis' access graph, so they alone in io may read src/analysis (which never imports io).
  layer(['src/io/export/**'], ['worker', 'cli', 'state', 'graph', 'ui', 'lessons'], [...uiLibraries, ...nodeBuiltins]),
  layer(['src/lessons/**'], ['worker', 'cli', 'state', 'graph', 'ui'], [...uiLibraries, ...nodeBuiltins]),
  layer(['src/worker/**'], ['cli', 'state', 'graph', 'ui'], uiLibraries),
  layer(['src/graph/**'], ['cli', 'ui', 'worker'], ['react', 'react-dom', 'monaco-editor', 'monaco-editor/*', ...nodeBuiltins]),
  layer(['src/state/**'], ['cli', 'ui', 'graph'], ['react-dom', 'cytoscape', 'monaco-editor', 'monaco-editor/*', ...nodeBuiltins]),
  layer(['src/ui/**'], ['cli'], nodeBuiltins),
  { files: ['src/{model,engine,analysis,catalog,io,lessons}/**'], rules: pureGlobals },
  { files: ['**/*.mjs', '**/*.js'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['test/**', 'e2e/**', 'scripts/**', '*.config.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-floating-promises': 'off',
    },
  },
);
