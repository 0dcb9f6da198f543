import { readdir } from 'node:fs/promises'

/**
 * The first free name of `stem.ext`, `stem 2.ext`, `stem 3.ext`, … in `folder`, compared
 * without case (macOS and Windows treat "Autumn.md" and "autumn.md" as one file). `own` is the
 * name of the file being renamed, which counts as free.
 */
export async function freeFileName(
  folder: string,
  stem: string,
  ext: string,
  own?: string,
): Promise<string> {
  const taken = new Set(
    (await readdir(folder).catch(() => [] as string[]))
      .filter((name) => name !== own)
      .map((name) => name.toLowerCase()),
  )
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${stem}${ext}` : `${stem} ${n}${ext}`
    if (!taken.has(name.toLowerCase())) return name
  }
}
