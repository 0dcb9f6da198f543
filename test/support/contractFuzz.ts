import { readdirSync, statSync } from 'node:fs'
import { isAbsolute, join, relative, resolve } from 'node:path'
import fc from 'fast-check'
import { z } from 'zod'
import {
  contractMethods,
  errorPayloadSchema,
  isMethodName,
  type MethodName,
} from '@shared/contract'

/**
 * Contract fuzzing shared by the IPC and WebSocket transports: calls to every contract method,
 * derived from the contract's own schemas (a new method is fuzzed without a line here), with
 * values that are almost right, plainly wrong, hostile or huge.
 */

/** Every method the contract has, read from the contract itself. */
export const fuzzedMethods = Object.keys(contractMethods) as MethodName[]

/** A call as a client sends it: a method name (maybe unknown) and any params. */
export type FuzzCall = { method: string; params: unknown }

export type FuzzPools = {
  /** Paths to feed to path-like fields: none may lead to a write outside the temp folders. */
  paths: readonly string[]
  /** Length of the occasional huge string. */
  hugeChars: number
}

/**
 * A placeholder for "an id the host has handed out by now" (a prompt id, a document path, a
 * revision, a trash id…): `fillWords` swaps it, at send time, for one the host has answered
 * with so far, so a run can create a document, then save, rename, export and delete it.
 */
const WORD_MARK = '\u0001word:'
const someWord = fc.nat({ max: 100_000 }).map((n) => `${WORD_MARK}${n}`)

/** Edits that break a text in telling places: front matter, YAML, Markdown headings, limits. */
const splices = [
  '',
  '\n',
  '---\n',
  '\n---\n',
  ': ',
  '"',
  "'",
  '\t',
  '{{',
  '}}',
  '{{selection',
  '- ',
  '\n## Role\n',
  'id: rewrite.lyrical\n',
  'postprocess: [trim-length]\n',
  'a: &a [x, x]\nb: &b [*a, *a]\n',
  '\u0000',
  '\ufeff',
  '\r\n',
  'x'.repeat(5_000),
]
/**
 * A placeholder for "a text the host sent (a prompt, a persona, a style pack, a document), with
 * one splice": valid files with one thing wrong reach far deeper than random text.
 */
const TEXT_MARK = '\u0001text:'
const someText = fc
  .tuple(fc.nat(), fc.nat(), fc.nat({ max: 3 }), fc.nat({ max: splices.length - 1 }))
  .map(([n, at, cut, splice]) => `${TEXT_MARK}${n}:${at}:${cut}:${splice}`)

/** A placeholder for an array nested this deep. */
const NEST_MARK = '\u0001nest:'

/** The ids and texts a run has collected from the host's answers, to fill placeholders with. */
export class WordPool {
  private readonly words: string[] = []
  private readonly texts: string[] = []
  private readonly seen = new Set<string>()

  /** Keeps the ids, paths and texts in a value the host sent. */
  harvest(value: unknown, key = ''): void {
    if (typeof value === 'string') {
      if (this.seen.has(value) || value.length === 0) return
      if (NAMING_KEY.test(key) && value.length < 300 && this.words.length < 500) {
        this.seen.add(value)
        this.words.push(value)
      } else if (TEXT_KEY.test(key) && value.length < 100_000 && this.texts.length < 100) {
        this.seen.add(value)
        this.texts.push(value)
      }
    } else if (Array.isArray(value)) {
      for (const item of value) this.harvest(item, key)
    } else if (value && typeof value === 'object') {
      for (const [name, item] of Object.entries(value)) this.harvest(item, name)
    }
  }

  /** The value with every placeholder replaced by a collected id or a spliced text. */
  fill(value: unknown): unknown {
    if (typeof value === 'string') {
      if (value.startsWith(WORD_MARK))
        return pick(this.words, Number(value.slice(WORD_MARK.length))) ?? 'word'
      if (value.startsWith(NEST_MARK)) return nested(Number(value.slice(NEST_MARK.length)))
      if (value.startsWith(TEXT_MARK)) {
        const [n, at, cut, splice] = value.slice(TEXT_MARK.length).split(':').map(Number)
        const text = pick(this.texts, n ?? 0) ?? ''
        const where = (at ?? 0) % (text.length + 1)
        return text.slice(0, where) + (splices[splice ?? 0] ?? '') + text.slice(where + (cut ?? 0))
      }
      return value
    }
    if (Array.isArray(value)) return value.map((item) => this.fill(item))
    if (value && typeof value === 'object')
      return Object.fromEntries(
        Object.entries(value).map(([name, item]) => [name, this.fill(item)]),
      )
    return value
  }
}

function pick<T>(list: readonly T[], n: number): T | undefined {
  return list.length === 0 ? undefined : list[n % list.length]
}

/** A sandbox's paths a fuzz may aim at: outside the data and documents folders, and tricks. */
export function hostilePaths(outside: string): string[] {
  return [
    join(outside, 'x.md'),
    join(outside, 'sub', 'deep.md'),
    outside,
    `${outside}/../escaped.md`,
    '../../../../../../tmp/quire-fuzz-escape.md',
    '../x.md',
    '..',
    '.',
    'x.md',
    'sub/../../x.md',
    'a/b/c.txt',
    '~/x.md',
    'C:\\Windows\\x.md',
    '\\\\server\\share\\x.md',
    'file:///etc/passwd',
    '/dev/null',
    '/dev/zero',
    '/proc/self/environ',
    '/etc/passwd',
    'con.md',
    'x.md\u0000.txt',
    '\u202ex.md',
    `${'a'.repeat(300)}.md`,
    ' ',
  ]
}

const oddStrings = [
  '',
  ' ',
  '\u0000',
  '\ud800',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '%00',
  '{{selection}}',
  '---\nid: x\n---\n',
  '<script>alert(1)</script>',
  '\u001b]0;pwned\u0007\u001b[2J',
  '秋天的雨',
  '🌧️'.repeat(50),
]

/** A value of any JSON-ish shape, often hostile. */
function nastyValue(pools: FuzzPools): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constant(undefined),
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.constantFrom(-1, 0, 1.5, -0, 1e308, -1e308, 2 ** 53, Number.MAX_SAFE_INTEGER + 2),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom(...oddStrings),
    fc.constantFrom(...pools.paths),
    someWord,
    fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
    fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
    fc.constant(JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{}}}')),
    // Built at send time: fast-check itself cannot print a value this deep.
    fc.integer({ min: 20, max: 3_000 }).map((depth) => `${NEST_MARK}${depth}`),
    { arbitrary: fc.constant('x'.repeat(pools.hugeChars)), weight: 1 },
  )
}

/** An array nested `depth` levels deep: deep enough to test recursion, small on the wire. */
function nested(depth: number): unknown {
  let value: unknown = 'leaf'
  for (let i = 0; i < depth; i++) value = [value]
  return value
}

/** The subset of JSON Schema that zod emits for the contract's inputs. */
type JsonSchema = {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema | false
  prefixItems?: JsonSchema[]
  enum?: unknown[]
  const?: unknown
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  minLength?: number
  maxLength?: number
  pattern?: string
  format?: string
}

/**
 * How a value is made: `valid` keeps to the schema (so calls reach the handlers), `mixed` puts
 * wrong values, missing fields and extra keys anywhere inside.
 */
type Mode = 'valid' | 'mixed'

/** Strings a field of this schema takes, and (mixed) ones at and past its bounds. */
function stringFor(schema: JsonSchema, pools: FuzzPools, mode: Mode): fc.Arbitrary<string> {
  if (schema.format === 'uri')
    return fc.constantFrom(
      'http://127.0.0.1:9/model.gguf',
      'https://127.0.0.1:9/',
      ...(mode === 'valid' ? [] : ['hf:nobody/nothing/x.gguf', 'file:///etc/passwd', 'not a url']),
    )
  if (schema.format === 'uuid') return fc.uuid()
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern), { maxLength: 24 })
  const min = schema.minLength ?? 0
  const max = schema.maxLength ?? 10_000_000
  const fits = (text: string) => text.length >= min && text.length <= max
  const paths = pools.paths.filter(fits)
  const valid = [
    fc.string({ minLength: min, maxLength: Math.min(max, Math.max(min, 24)) }),
    fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.min(max, Math.max(min, 24)) }),
    someWord,
    someWord,
    someText,
    ...(paths.length > 0 ? [fc.constantFrom(...paths)] : []),
  ]
  if (mode === 'valid') return fc.oneof(...valid)
  const bounds = max <= 300_000 ? ['y'.repeat(max), 'y'.repeat(max + 1)] : ['']
  return fc.oneof(
    ...valid,
    fc.string({ unit: 'binary', maxLength: 24 }),
    fc.constantFrom(...oddStrings),
    fc.constantFrom(...bounds),
  )
}

function numberFor(schema: JsonSchema, integer: boolean, mode: Mode): fc.Arbitrary<number> {
  const step = integer ? 1 : 1e-6
  const min =
    schema.exclusiveMinimum !== undefined
      ? schema.exclusiveMinimum + step
      : (schema.minimum ?? -1_000_000)
  const max =
    schema.exclusiveMaximum !== undefined
      ? schema.exclusiveMaximum - step
      : (schema.maximum ?? 1_000_000)
  const inRange = integer
    ? fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31) })
    : fc.double({ min, max, noNaN: true })
  if (mode === 'valid') return inRange
  return fc.oneof(
    { arbitrary: inRange, weight: 4 },
    fc.constantFrom(min - 1, max + 1, 0, -1, 0.5, 2 ** 53),
  )
}

function typed(type: string, schema: JsonSchema, pools: FuzzPools, mode: Mode, depth: number) {
  switch (type) {
    case 'object':
      return objectFor(schema, pools, mode, depth)
    case 'array':
      if (schema.prefixItems)
        return fc.tuple(
          ...schema.prefixItems.map((item) => fromSchema(item, pools, mode, depth + 1)),
        )
      return fc.array(fromSchema(schema.items || {}, pools, mode, depth + 1), { maxLength: 4 })
    case 'string':
      return stringFor(schema, pools, mode)
    case 'integer':
      return numberFor(schema, true, mode)
    case 'number':
      return numberFor(schema, false, mode)
    case 'boolean':
      return fc.boolean()
    case 'null':
      return fc.constant(null)
    default:
      return fc.constant(undefined)
  }
}

/** Values for a schema: right in shape, or (mixed) sometimes wrong anywhere inside. */
function fromSchema(
  schema: JsonSchema,
  pools: FuzzPools,
  mode: Mode,
  depth = 0,
): fc.Arbitrary<unknown> {
  const right = ((): fc.Arbitrary<unknown> => {
    if (schema.enum) return fc.constantFrom(...schema.enum)
    if (schema.const !== undefined) return fc.constant(schema.const)
    const choices = schema.anyOf ?? schema.oneOf
    if (choices)
      return fc.oneof(...choices.map((choice) => fromSchema(choice, pools, mode, depth + 1)))
    const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? 'undefined']
    // No type: a method that takes no request (`z.undefined()`).
    return fc.oneof(...types.map((type) => typed(type, schema, pools, mode, depth)))
  })()
  if (mode === 'valid') return right
  return fc.oneof(
    { arbitrary: right, weight: depth > 2 ? 2 : 8 },
    { arbitrary: nastyValue(pools), weight: 1 },
  )
}

function objectFor(schema: JsonSchema, pools: FuzzPools, mode: Mode, depth: number) {
  const required = new Set(schema.required ?? [])
  const fields = Object.entries(schema.properties ?? {}).map(([key, property]) => {
    const value = fromSchema(property, pools, mode, depth + 1)
    const keep = required.has(key) ? (mode === 'valid' ? 1 : 12) : 4
    const omit = required.has(key) ? (mode === 'valid' ? 0 : 1) : 3
    return fc
      .oneof(
        { arbitrary: value, weight: keep },
        { arbitrary: fc.constant(undefined), weight: omit },
      )
      .map((field) => [key, field] as const)
  })
  const extra =
    mode === 'valid'
      ? fc.constant(null)
      : fc.option(fc.tuple(fc.constantFrom('extra', '__proto__', 'then'), nastyValue(pools)), {
          freq: 8,
        })
  return fc.tuple(fc.tuple(...fields), extra).map(([entries, junk]) => {
    const value: Record<string, unknown> = {}
    for (const [key, field] of entries) if (field !== undefined) value[key] = field
    if (junk) Object.defineProperty(value, junk[0], { value: junk[1], enumerable: true })
    return value
  })
}

const schemaCache = new Map<MethodName, JsonSchema>()

/** The JSON Schema of a method's request, as zod describes it. */
function inputSchema(method: MethodName): JsonSchema {
  let schema = schemaCache.get(method)
  if (!schema) {
    schema = z.toJSONSchema(contractMethods[method].input, {
      unrepresentable: 'any',
      io: 'input',
    }) as JsonSchema
    schemaCache.set(method, schema)
  }
  return schema
}

/** Requests for one method: valid ones, and ones wrong anywhere inside. */
export function paramsFor(method: MethodName, pools: FuzzPools): fc.Arbitrary<unknown> {
  const schema = inputSchema(method)
  return fc.oneof(fromSchema(schema, pools, 'valid'), fromSchema(schema, pools, 'mixed'))
}

/** A call to any method of the contract, or to one it does not have. */
export function callArbitrary(pools: FuzzPools): fc.Arbitrary<FuzzCall> {
  const known = fc
    .constantFrom(...fuzzedMethods)
    .chain((method) => paramsFor(method, pools).map((params) => ({ method, params })))
  const unknown = fc.record({
    method: fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom('__proto__', 'constructor', 'toString', 'valueOf', 'GETSTATUS', 'generate '),
    ),
    params: nastyValue(pools),
  })
  return fc.oneof({ arbitrary: known, weight: 12 }, { arbitrary: unknown, weight: 1 })
}

/** What a host answered to one call: a value, or an error as a value. */
export type Reply = { ok: true; value: unknown } | { ok: false; error: unknown }

/** Why a reply is not a well-formed answer to this call, or null when it is. */
export function replyProblem(call: FuzzCall, reply: unknown): string | null {
  const shape = z
    .union([
      z.object({ ok: z.literal(true), value: z.unknown() }),
      z.object({ ok: z.literal(false), error: errorPayloadSchema }),
    ])
    .safeParse(reply)
  if (!shape.success) return `malformed reply ${JSON.stringify(reply)?.slice(0, 300)}`
  const answer = shape.data
  if (!answer.ok) {
    if (answer.error.message.trim() === '') return 'an error without a message'
    if (!isMethodName(call.method) && answer.error.code !== 'invalid-request')
      return `an unknown method answered ${answer.error.code}`
    if (answer.error.code === 'internal') return `an internal error: ${answer.error.message}`
    return null
  }
  if (!isMethodName(call.method)) return 'an unknown method answered ok'
  const parsed = contractMethods[call.method].output.safeParse(answer.value)
  return parsed.success ? null : `a result off its schema: ${parsed.error.message.slice(0, 300)}`
}

/** Keys whose strings name something the host knows: ids, paths, files, revisions. */
const NAMING_KEY = /(^id$|Id$|^path$|Path$|^file$|^folder$|^revision$|Revision$|^fingerprint$)/
/** Keys whose strings are whole texts worth sending back with a splice. */
const TEXT_KEY = /^text$/

/** Files at the fuzz's relative paths, resolved as a host in `cwd` would: compare before and after. */
export function filesAtRelativePaths(cwd: string, outside: string): string[] {
  return hostilePaths(outside)
    .filter((path) => !isAbsolute(path) && !path.includes('\u0000'))
    .map((path) => resolve(cwd, path))
    .filter(isFile)
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

/** Every file under a folder, except under the folders a host may write to. */
export function filesUnder(root: string, allowed: readonly string[]): string[] {
  const found: string[] = []
  const walk = (folder: string): void => {
    if (allowed.some((dir) => !relative(dir, folder).startsWith('..'))) return
    for (const entry of readdirSync(folder)) {
      const path = join(folder, entry)
      if (statSync(path).isDirectory()) walk(path)
      else found.push(path)
    }
  }
  walk(root)
  return found
}

/** The seed of this run: QUIRE_FUZZ_SEED to replay one, else a fresh one. */
export function fuzzSeed(): number {
  const given = Number(process.env.QUIRE_FUZZ_SEED)
  return Number.isInteger(given) && given !== 0 ? given : Math.floor(Math.random() * 2 ** 31) + 1
}

/**
 * Runs fast-check, naming the seed to replay a failure with. QUIRE_FUZZ_RUNS runs longer (a
 * deeper search by hand); the default keeps the suite quick.
 */
export async function runFuzz<T>(
  seed: number,
  property: fc.IAsyncProperty<[T]>,
  numRuns: number,
): Promise<void> {
  const runs = Number(process.env.QUIRE_FUZZ_RUNS) || numRuns
  try {
    await fc.assert(property, { seed, numRuns: runs, endOnFailure: true })
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw new Error(`Contract fuzz failed; replay with QUIRE_FUZZ_SEED=${seed}\n${message}`, {
      cause: error,
    })
  }
}
