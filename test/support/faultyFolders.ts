import { spawnSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Folders inside a documents folder that fail the way disks do: `locked/` is read-only and
 * `full/` is a 64 KB file system. In a private mount namespace (`unshare`, no root needed where
 * user namespaces are allowed) they are a real read-only bind mount and a real tmpfs; elsewhere
 * a preloaded module makes writes there fail with EROFS and ENOSPC.
 */
export type FaultyFolders = { wrapper: string[]; env: Record<string, string>; real: boolean }

export const FULL_DISK_BYTES = 64 * 1024

/** Whether this machine lets a process make its own mounts (QUIRE_FAULTS_INJECT=1 tries the other way). */
export function mountNamespaceWorks(): boolean {
  if (process.env.QUIRE_FAULTS_INJECT === '1') return false
  return spawnSync('unshare', ['-Urm', 'true']).status === 0
}

// Fails writes under two folders as a read-only or full disk would, for machines without
// mount namespaces. The CLI imports node:fs/promises, so the patched functions must be synced
// into the ES module view of the built-in.
const INJECT = `
import fs from 'node:fs'
import { syncBuiltinESMExports } from 'node:module'
const locked = process.env.QUIRE_FAULT_LOCKED, full = process.env.QUIRE_FAULT_FULL
const open = fs.promises.open
fs.promises.open = async (path, flags, ...rest) => {
  const file = String(path)
  const writing = typeof flags === 'string' && /[wa+]/.test(flags)
  if (writing && file.startsWith(locked + '/'))
    throw Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' })
  const handle = await open(path, flags, ...rest)
  if (!writing || !file.startsWith(full + '/')) return handle
  const write = handle.write.bind(handle)
  handle.write = async (buffer, offset, length, position) => {
    if ((position ?? 0) + (length ?? buffer.length) > ${FULL_DISK_BYTES})
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
    return write(buffer, offset, length, position)
  }
  return handle
}
syncBuiltinESMExports()
`

/** Makes `locked/` and `full/` in `docs` and says how to start `quire serve` over them. */
export function faultyFolders(docs: string): FaultyFolders {
  const locked = join(docs, 'locked')
  const full = join(docs, 'full')
  mkdirSync(locked, { recursive: true })
  mkdirSync(full, { recursive: true })
  if (mountNamespaceWorks()) {
    const script = [
      `mount -t tmpfs -o size=${FULL_DISK_BYTES} tmpfs "$QUIRE_FAULT_FULL"`,
      'mount --bind "$QUIRE_FAULT_LOCKED" "$QUIRE_FAULT_LOCKED"',
      'mount -o remount,bind,ro "$QUIRE_FAULT_LOCKED"',
      'exec "$@"',
    ].join(' && ')
    return {
      wrapper: ['unshare', '-Urm', '--propagation', 'private', 'sh', '-c', script, 'sh'],
      env: { QUIRE_FAULT_LOCKED: locked, QUIRE_FAULT_FULL: full },
      real: true,
    }
  }
  return {
    wrapper: [],
    env: {
      QUIRE_FAULT_LOCKED: locked,
      QUIRE_FAULT_FULL: full,
      NODE_OPTIONS: `--import=data:text/javascript,${encodeURIComponent(INJECT)}`,
    },
    real: false,
  }
}
