import { UsageError } from './usageError'

/** Reads a whole, non-negative number option, or explains what was wrong with it. */
export function intOption(
  name: string,
  value: string | undefined,
  { min = 0, max = Number.MAX_SAFE_INTEGER } = {},
): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} takes a whole number, not "${value}".`)
  const parsed = Number(value)
  if (parsed < min || parsed > max)
    throw new UsageError(`--${name} must be between ${min} and ${max}.`)
  return parsed
}

/** Reads repeated `--var name=value` options. */
export function variableOptions(values: readonly string[] | undefined): Record<string, string> {
  const variables: Record<string, string> = {}
  for (const item of values ?? []) {
    const at = item.indexOf('=')
    if (at <= 0) throw new UsageError(`--var takes name=value, not "${item}".`)
    variables[item.slice(0, at)] = item.slice(at + 1)
  }
  return variables
}
