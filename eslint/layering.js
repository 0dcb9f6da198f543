// @ts-check
/**
 * The layer rule of Quire's lint, in the manner of VS Code's code-layering: every import — static,
 * `export … from`, dynamic `import()` and `require()` — is sorted into a layer, and each layer lists
 * the layers it MAY import. Anything not on its list is an error, so a new kind of import is refused
 * until someone decides where it belongs.
 */
import { builtinModules } from 'node:module'
import { dirname, relative, resolve, sep } from 'node:path'

/** Packages that run anywhere (no node, no DOM): the only ones src/shared may use. */
const PURE_PACKAGES = ['zod', 'yaml', 'mustache', 'diff', '@noble/hashes', 'canonicalize']
/** Packages of the UI: React, Lexical and i18n. */
const UI_PACKAGES = [
  /^react(-dom)?(\/|$)/,
  /^react-i18next$/,
  /^i18next$/,
  /^lexical$/,
  /^@lexical\//,
]
/** Packages that need Node even though they are not built in. */
const NODE_PACKAGES = ['ws', 'sirv', 'open', 'chokidar', 'iconv-lite', 'proper-lockfile']
const NODE_BUILTINS = new Set(builtinModules)

/** The package name of a bare specifier: `@scope/name` or `name`. */
function packageOf(specifier) {
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier)
}

/**
 * The layer a specifier imported from `file` belongs to: a project folder (by the longest
 * matching `dir` of `layers`), or a kind of package.
 * @param {string} specifier
 * @param {string} file absolute path of the importing file
 * @param {string} root the repository root
 * @param {{ name: string, dir: string }[]} layers
 * @param {Record<string, string>} aliases e.g. { '@shared/': 'src/shared/' }
 */
export function layerOfImport(specifier, file, root, layers, aliases) {
  const clean = specifier.replace(/\?.*$/, '')
  let target = null
  for (const [alias, dir] of Object.entries(aliases))
    if (clean.startsWith(alias)) target = resolve(root, dir, clean.slice(alias.length))
  if (clean.startsWith('.')) target = resolve(dirname(file), clean)
  if (target !== null) return layerOfFile(target, root, layers) ?? 'project-files'
  if (clean.startsWith('node:') || NODE_BUILTINS.has(clean) || NODE_BUILTINS.has(packageOf(clean)))
    return 'node'
  const name = packageOf(clean)
  if (name === 'electron') return 'electron'
  if (name === 'node-llama-cpp') return 'node-llama-cpp'
  if (PURE_PACKAGES.includes(name)) return 'pure'
  if (UI_PACKAGES.some((pattern) => pattern.test(clean))) return 'ui'
  if (NODE_PACKAGES.includes(name)) return 'node'
  return 'npm'
}

/** The project layer of a file, by the longest layer folder that holds it; null outside them. */
export function layerOfFile(file, root, layers) {
  const path = relative(root, file).split(sep).join('/')
  let best = null
  for (const layer of layers) {
    const dir = layer.dir.endsWith('/') ? layer.dir : `${layer.dir}/`
    if ((path + '/').startsWith(dir) && (!best || dir.length > best.dir.length))
      best = { name: layer.name, dir }
  }
  return best?.name ?? null
}

/** @type {import('eslint').Rule.RuleModule} */
const allowedImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Each layer imports only the layers on its allow-list.' },
    schema: [
      {
        type: 'object',
        properties: {
          layers: { type: 'array' },
          aliases: { type: 'object' },
        },
        required: ['layers'],
      },
    ],
    messages: {
      notAllowed:
        '{{from}} may not import {{layer}} ("{{specifier}}"). {{from}} may import: {{allowed}}.',
      computed:
        'A dynamic import() or require() in {{from}} must name its module as a string literal, so its layer can be checked.',
    },
  },
  create(context) {
    const options = context.options[0] ?? { layers: [] }
    /** @type {{ name: string, dir: string, may: string[] }[]} */
    const layers = options.layers
    const aliases = options.aliases ?? {}
    const root = context.cwd
    const from = layerOfFile(context.filename, root, layers)
    if (!from) return {}
    const allowed = layers.find((layer) => layer.name === from)?.may ?? []

    /** @param {import('estree').Node} node @param {unknown} source */
    const check = (node, source) => {
      const literal =
        source && typeof source === 'object' && 'type' in source && source.type === 'Literal'
          ? /** @type {import('estree').Literal} */ (source).value
          : source &&
              typeof source === 'object' &&
              'type' in source &&
              source.type === 'TemplateLiteral' &&
              /** @type {import('estree').TemplateLiteral} */ (source).expressions.length === 0
            ? /** @type {import('estree').TemplateLiteral} */ (source).quasis[0]?.value.cooked
            : null
      if (typeof literal !== 'string') {
        context.report({ node, messageId: 'computed', data: { from } })
        return
      }
      const layer = layerOfImport(literal, context.filename, root, layers, aliases)
      if (layer === from || allowed.includes(layer)) return
      context.report({
        node,
        messageId: 'notAllowed',
        data: { from, layer, specifier: literal, allowed: [from, ...allowed].join(', ') },
      })
    }
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require')
          check(node, node.arguments[0])
      },
    }
  },
}

export default { rules: { 'allowed-imports': allowedImports } }
