import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'fs', 'fs/promises', 'path', 'os', 'child_process', 'crypto', 'url', 'stream', 'util', 'worker_threads', 'zlib',
  'http', 'https', 'net', 'module', 'process', 'readline', 'events', 'buffer', 'assert', 'perf_hooks', 'v8',
];
const nodePatterns = [{ group: ['node:*'], message: 'Only src/project, src/app and src/cli may use Node built-ins (design.md §3, rule 2).' }];
const nodePaths = NODE_BUILTINS.map((name) => ({
  name,
  message: 'Only src/project, src/app and src/cli may use Node built-ins (design.md §3, rule 2).',
}));
const hostPackages = ['electron', 'react', 'react-dom', 'lexical', 'zustand'].map((name) => ({
  name,
  message: 'src/ is the core: no host or UI package (design.md §3, rule 1).',
}));
const hostPatterns = [
  { group: ['@lexical/*', 'react/*', 'react-dom/*', 'zustand/*'], message: 'src/ is the core: no host or UI package (design.md §3, rule 1).' },
  { group: ['**/electron/**', '**/renderer/**'], message: 'src/ imports nothing from electron/ or renderer/ (design.md §3, rule 1).' },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'renderer/dist/', 'release/', '.tsbuild/', 'test-output/', 'seeds/', 'templates/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'No default exports (design.md §5.6).' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/project/**', 'src/app/**', 'src/cli/**', 'src/**/*.test.ts', 'src/check/eval/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [...hostPackages, ...nodePaths], patterns: [...hostPatterns, ...nodePatterns] }],
    },
  },
  {
    files: ['src/project/**', 'src/app/**', 'src/cli/**', 'src/**/*.test.ts', 'src/check/eval/**'],
    rules: { 'no-restricted-imports': ['error', { paths: hostPackages, patterns: hostPatterns }] },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/ipc.ts', 'electron/preload/index.ts', '**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', importNames: ['ipcMain', 'ipcRenderer', 'contextBridge'], message: 'Only electron/main/ipc.ts and electron/preload/index.ts own IPC (design.md §3, rule 4).' }] },
      ],
    },
  },
  { files: ['eslint.config.js', 'vitest.config.ts'], rules: { 'no-restricted-syntax': 'off' } },
);
