import { z } from 'zod'
import { languageChoiceSchema } from '../contract/schemas'
import { samplingPresetSchema } from '../presets/schema'
import { phrasePairsSchema } from '../postprocess/stepSpec'

export const engineSettingsSchema = z.object({
  /** Where inference runs: this machine, or an OpenAI-compatible server. */
  backend: z.enum(['local', 'remote']).default('local'),
  /** CPU threads; 0 means one per physical core. */
  threads: z.number().int().min(0).max(256).default(0),
  contextSize: z.number().int().min(512).max(262_144).default(4096),
  gpu: z.enum(['auto', 'off']).default('auto'),
  gpuLayers: z.union([z.literal('auto'), z.number().int().min(0).max(1_000)]).default('auto'),
  /** Parallel sequences: A/B candidates and a continuation at once. */
  sequences: z.number().int().min(1).max(8).default(2),
})
export type EngineSettingsValues = z.output<typeof engineSettingsSchema>

export const remoteSettingsSchema = z.object({
  baseUrl: z
    .union([
      z.literal(''),
      z.url({ protocol: /^https?$/, message: 'Use an http:// or https:// address.' }),
    ])
    .default(''),
  model: z.string().max(200).default(''),
  timeoutMs: z.number().int().min(1_000).max(600_000).default(60_000),
})

/** An absolute folder, or empty for the default; `~` is the writer's home. */
export const documentsFolderSettingSchema = z
  .string()
  .trim()
  .max(4_096)
  .refine(
    (value) => value === '' || value.startsWith('~') || /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(value),
    'Choose a full folder path (starting with / or a drive letter), or leave it empty for the default.',
  )

/** A keyboard shortcut as the writer set it ("Mod+Alt+L"); empty turns the action's shortcut off. */
const shortcutSettingSchema = z.string().trim().max(40)

/** The writer's shortcuts by action id ("rewrite", "palette", a prompt id), over the defaults. */
export const shortcutsSettingSchema = z.record(z.string().min(1).max(120), shortcutSettingSchema)

/** How many of the writer's own instructions ("make it sadder") are remembered. */
export const RECENT_INSTRUCTIONS_MAX = 12

/** The writer's recent Ask instructions, newest first. */
export const recentInstructionsSchema = z
  .array(z.string().trim().min(1).max(500))
  .max(RECENT_INSTRUCTIONS_MAX)
/** The interface language: the system's, or always one. */
export const uiLanguageSchema = z.enum(['system', 'en', 'zh'])
export type UiLanguage = z.infer<typeof uiLanguageSchema>
/** Light, dark, or as the system is set. */
export const themeSchema = z.enum(['system', 'light', 'dark'])
export type Theme = z.infer<typeof themeSchema>

export const appearanceSettingsSchema = z.object({
  uiLanguage: uiLanguageSchema.default('system'),
  theme: themeSchema.default('system'),
})

/** Where `hf:` models download from: empty for Hugging Face (or HF_ENDPOINT), else a mirror. */
export const hfEndpointSettingSchema = z
  .string()
  .trim()
  .max(2_000)
  .refine(
    (value) => value === '' || /^https?:\/\/[^\s/]+/i.test(value),
    'Use an http:// or https:// address, such as https://hf-mirror.com.',
  )

export const settingsSchema = z.object({
  engine: engineSettingsSchema.default(engineSettingsSchema.parse({})),
  remote: remoteSettingsSchema.default(remoteSettingsSchema.parse({})),
  /** The prompt language: by the selection's script, or always one. */
  promptLanguage: languageChoiceSchema.default('auto'),
  /** The model loaded at start, when none is named on the command line. */
  lastModelPath: z.string().nullable().default(null),
  userPresets: z.array(samplingPresetSchema).default([]),
  /** The writer's `replace-phrases` lists; null keeps Quire's defaults for that language. */
  replacements: z
    .object({
      zh: phrasePairsSchema.nullable().default(null),
      en: phrasePairsSchema.nullable().default(null),
    })
    .default({ zh: null, en: null }),
  /** The documents folder; empty means the default (Documents/Quire in the writer's home). */
  documentsFolder: documentsFolderSettingSchema.default(''),
  /** Ghost-text continuation asked for by itself after a pause in typing. */
  autoSuggest: z.boolean().default(false),
  shortcuts: shortcutsSettingSchema.default({}),
  recentInstructions: recentInstructionsSchema.default([]),
  appearance: appearanceSettingsSchema.default(appearanceSettingsSchema.parse({})),
  hfEndpoint: hfEndpointSettingSchema.default(''),
})
export type Settings = z.output<typeof settingsSchema>

/** A change to some settings; everything left out stays as it is. */
export const settingsPatchSchema = z
  .object({
    engine: engineSettingsSchema.partial().optional(),
    remote: remoteSettingsSchema.partial().optional(),
    promptLanguage: languageChoiceSchema.optional(),
    lastModelPath: z.string().nullable().optional(),
    userPresets: z.array(samplingPresetSchema).optional(),
    replacements: z
      .object({
        zh: phrasePairsSchema.nullable().optional(),
        en: phrasePairsSchema.nullable().optional(),
      })
      .optional(),
    documentsFolder: documentsFolderSettingSchema.optional(),
    autoSuggest: z.boolean().optional(),
    /** Replaces the whole map. */
    shortcuts: shortcutsSettingSchema.optional(),
    recentInstructions: recentInstructionsSchema.optional(),
    appearance: appearanceSettingsSchema.partial().optional(),
    hfEndpoint: hfEndpointSettingSchema.optional(),
  })
  .strict()
export type SettingsPatch = z.input<typeof settingsPatchSchema>

/** Applies a validated patch; nested groups merge key by key. */
export function applySettingsPatch(
  settings: Settings,
  patch: z.output<typeof settingsPatchSchema>,
): Settings {
  const defined = <T extends object>(values: T | undefined) =>
    Object.fromEntries(
      Object.entries(values ?? {}).filter(([, value]) => value !== undefined),
    ) as Partial<T>
  return settingsSchema.parse({
    ...settings,
    ...defined({
      promptLanguage: patch.promptLanguage,
      lastModelPath: patch.lastModelPath,
      userPresets: patch.userPresets,
      documentsFolder: patch.documentsFolder,
      autoSuggest: patch.autoSuggest,
      shortcuts: patch.shortcuts,
      recentInstructions: patch.recentInstructions,
      hfEndpoint: patch.hfEndpoint,
    }),
    appearance: { ...settings.appearance, ...defined(patch.appearance) },
    engine: { ...settings.engine, ...defined(patch.engine) },
    remote: { ...settings.remote, ...defined(patch.remote) },
    replacements: { ...settings.replacements, ...defined(patch.replacements) },
  })
}
