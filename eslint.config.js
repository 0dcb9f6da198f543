// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import layering from './eslint/layering.js'

/**
 * The layers and what each MAY import (everything else is refused, dynamic `import()` and
 * `require()` included). Imports flow one way: renderer → shared; main/web/cli → core → shared.
 * Kinds of packages: `pure` (zod, yaml, mustache, diff, @noble/hashes, canonicalize: run
 * anywhere), `ui` (React, Lexical, i18n), `node` (built-ins and Node-only packages), `electron`, `node-llama-cpp`, `npm` (others),
 * `project-files` (package.json, resources/: files outside src).
 */
const layers = [
  { name: 'shared', dir: 'src/shared', may: ['pure'] },
  { name: 'renderer', dir: 'src/renderer', may: ['shared', 'pure', 'ui', 'npm', 'project-files'] },
  { name: 'preload', dir: 'src/preload', may: ['shared', 'electron'] },
  // node-llama-cpp lives only in the engine; the engine needs nothing from the rest of core.
  {
    name: 'engine',
    dir: 'src/core/engine',
    may: ['shared', 'pure', 'npm', 'node', 'node-llama-cpp'],
  },
  { name: 'core', dir: 'src/core', may: ['engine', 'shared', 'pure', 'npm', 'node'] },
  {
    name: 'main',
    dir: 'src/main',
    may: ['core', 'engine', 'shared', 'pure', 'npm', 'node', 'electron'],
  },
  { name: 'web', dir: 'src/web', may: ['core', 'engine', 'shared', 'pure', 'npm', 'node'] },
  {
    name: 'cli',
    dir: 'src/cli',
    may: ['web', 'core', 'engine', 'shared', 'pure', 'npm', 'node', 'project-files'],
  },
]
const aliases = { '@shared/': 'src/shared/', '@core/': 'src/core/' }

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test/.cache/**', 'test/.artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { layering },
    rules: { 'layering/allowed-imports': ['error', { layers, aliases }] },
  },
)
