import { readFileSync } from 'node:fs'

/** Resident memory of a process in bytes (Linux /proc). */
export function rssBytes(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  if (!match?.[1]) throw new Error(`no VmRSS for process ${pid}`)
  return Number(match[1]) * 1024
}

/** The engine process `quire serve` forked: its only child. */
export function enginePid(servePid: number): number {
  const children = readFileSync(`/proc/${servePid}/task/${servePid}/children`, 'utf8')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map(Number)
  if (children.length !== 1) throw new Error(`expected one engine process, found ${children}`)
  return children[0] ?? 0
}
