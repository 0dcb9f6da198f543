import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'
import canonicalize from 'canonicalize'

/** A JSON value as configurations are made of. */
type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined }

/**
 * The RFC 8785 canonical JSON of a value: keys sorted, no spaces, numbers in their shortest
 * form, absent (undefined) fields left out, so equal configurations give equal text.
 */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value)
  if (text === undefined) throw new TypeError('Only JSON values have a canonical form.')
  return text
}

function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)))
}

/** A configuration's stable name: the first 16 hex digits of SHA-256 over its canonical JSON. */
export function fingerprint(value: unknown): string {
  return sha256Hex(canonicalJson(value)).slice(0, 16)
}

/** A template's version: the first 12 hex digits of SHA-256 over its text. */
export function contentVersion(text: string): string {
  return sha256Hex(text).slice(0, 12)
}

/** One setting that differs between two configurations, as display text (absent is null). */
export type ConfigurationDifference = { path: string; a: string | null; b: string | null }

/** Leaves of a JSON object as dotted paths; arrays are one leaf (a LoRA set differs as a whole). */
function leaves(value: Json | undefined, path: string, into: Map<string, string>): void {
  if (value === undefined) return
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value))
      leaves(child, path ? `${path}.${key}` : key, into)
    return
  }
  into.set(path, typeof value === 'string' ? value : canonicalJson(value))
}

/**
 * What differs between two configurations, setting by setting ("sampling.temperature": 0.85
 * vs 1.1), in a stable order. Empty when they are the same configuration.
 */
export function configurationDifferences(a: object, b: object): ConfigurationDifference[] {
  const left = new Map<string, string>()
  const right = new Map<string, string>()
  leaves(JSON.parse(JSON.stringify(a)) as Json, '', left)
  leaves(JSON.parse(JSON.stringify(b)) as Json, '', right)
  const paths = [...new Set([...left.keys(), ...right.keys()])].sort()
  return paths
    .map((path) => ({ path, a: left.get(path) ?? null, b: right.get(path) ?? null }))
    .filter((difference) => difference.a !== difference.b)
}
