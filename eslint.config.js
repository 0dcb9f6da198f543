// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

/** Import bans that keep the layers flowing one way: renderer → shared; main/web/cli → core → shared. */
const node = ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'crypto', 'url', 'events']
const ui = ['react', 'react-dom', 'react/*', 'lexical', '@lexical/*']
const layer = (/** @type {string} */ name) => [`@${name}/*`, `**/${name}/**`, `**/${name}`]

/** @param {string[]} patterns @param {string} why */
const forbid = (patterns, why) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message: why }] }],
})

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
      ...forbid(
        [
          ...layer('core'),
          ...layer('main'),
          ...layer('web'),
          ...layer('cli'),
          ...layer('preload'),
          'electron',
          'node-llama-cpp',
          ...node,
        ],
        'The renderer reaches the host only through src/renderer/src/api and may import only src/shared.',
      ),
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: forbid(
      [
        ...layer('core'),
        ...layer('main'),
        ...layer('web'),
        ...layer('cli'),
        ...layer('preload'),
        ...layer('renderer'),
        'electron',
        'node-llama-cpp',
        ...node,
        ...ui,
      ],
      'src/shared is pure TypeScript: it imports nothing from the project outside shared, and nothing from node, electron, the DOM, React or Lexical.',
    ),
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/engine/**'],
    rules: forbid(
      [
        ...layer('main'),
        ...layer('web'),
        ...layer('cli'),
        ...layer('preload'),
        ...layer('renderer'),
        'electron',
        'node-llama-cpp',
        ...ui,
      ],
      'src/core never imports electron, the UI or the hosts; node-llama-cpp only under src/core/engine.',
    ),
  },
  {
    files: ['src/core/engine/**/*.ts'],
    rules: forbid(
      [
        ...layer('main'),
        ...layer('web'),
        ...layer('cli'),
        ...layer('preload'),
        ...layer('renderer'),
        'electron',
        ...ui,
      ],
      'src/core never imports electron, the UI or the hosts.',
    ),
  },
  {
    files: ['src/main/**/*.ts'],
    rules: forbid(
      [...layer('renderer'), ...layer('web'), ...layer('cli'), 'node-llama-cpp', ...ui],
      'src/main uses core and shared; node-llama-cpp lives only in src/core/engine.',
    ),
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: forbid(
      [
        ...layer('core'),
        ...layer('renderer'),
        ...layer('main'),
        ...layer('web'),
        ...layer('cli'),
        'node-llama-cpp',
        ...node,
        ...ui,
      ],
      'The preload imports only electron and src/shared.',
    ),
  },
  {
    files: ['src/web/**/*.ts'],
    rules: forbid(
      [
        ...layer('renderer'),
        ...layer('main'),
        ...layer('preload'),
        ...layer('cli'),
        'electron',
        'node-llama-cpp',
        ...ui,
      ],
      'src/web uses core and shared; never electron; node-llama-cpp lives only in src/core/engine.',
    ),
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: forbid(
      [
        ...layer('renderer'),
        ...layer('main'),
        ...layer('preload'),
        'electron',
        'node-llama-cpp',
        ...ui,
      ],
      'src/cli uses core, web and shared; never electron; node-llama-cpp lives only in src/core/engine.',
    ),
  },
)
