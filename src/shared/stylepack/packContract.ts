import { z } from 'zod'

/**
 * Request and response shapes for style packs over the contract. Packs travel as text, so the
 * same calls work over IPC and in a browser (`quire serve`); the host only reads and writes the
 * user folder.
 */

/** `exportPack`: which prompts (both languages each), personas and presets to put in a pack. */
export const packExportRequestSchema = z.object({
  name: z.string().min(1).max(200).optional(),
  description: z.string().max(2_000).optional(),
  /** Prompt ids; empty means every prompt of the writer's own (user and extra folders). */
  prompts: z.array(z.string().min(1)).default([]),
  personas: z.array(z.string().min(1)).default([]),
  presets: z.array(z.string().min(1)).default([]),
})
export type PackExportRequest = z.input<typeof packExportRequestSchema>

/** The pack's text and a suggested file name (`<name>.quirepack`). */
export const packExportResultSchema = z.object({ fileName: z.string(), text: z.string() })

/** `planPackImport`: the pack's text (the UI reads the chosen file) and its name for messages. */
export const packImportRequestSchema = z.object({
  text: z.string().max(20_000_000),
  fileName: z.string().default('style pack'),
})

/** `applyPackImport`: the same text again, with the fingerprint of the plan the writer confirmed. */
export const packApplyRequestSchema = packImportRequestSchema.extend({
  fingerprint: z.string().min(1),
})

/** The files written, and the backups of those replaced. */
export const packApplyResultSchema = z.object({
  written: z.array(z.string()),
  backups: z.array(z.string()),
})
