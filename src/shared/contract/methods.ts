import { z } from 'zod'
import type { methodNames } from './methodNames'
import { remoteSettingsSchema, settingsPatchSchema, settingsSchema } from '../settings/schema'
import { hardwareReportSchema, modelListEntrySchema } from './models'
import {
  duplicatePromptRequestSchema,
  duplicatePromptResultSchema,
  libraryListingSchema,
  libraryProblemSchema,
  loraListingSchema,
  promptPreviewRequestSchema,
  promptPreviewSchema,
  promptRefSchema,
  promptTextSchema,
  removedPromptSchema,
  savePromptRequestSchema,
  savePromptResultSchema,
} from '../prompts/libraryContract'
import {
  packApplyRequestSchema,
  packApplyResultSchema,
  packExportRequestSchema,
  packExportResultSchema,
  packImportRequestSchema,
} from '../stylepack/packContract'
import { stylePackPlanSchema } from '../stylepack/planImport'
import { documentMethods } from './documentMethods'
import { voteMethods } from './voteMethods'

const remoteKeyStatusSchema = z.object({
  hasKey: z.boolean(),
  /** Whether the key is kept across launches (the OS keychain in the app). */
  persistent: z.boolean(),
  /** Where the key Quire holds comes from: Settings, or QUIRE_REMOTE_API_KEY; null when none. */
  source: z.enum(['stored', 'environment']).nullable(),
  /**
   * The server address that key was entered for (QUIRE_REMOTE_BASE_URL for the environment's).
   * A key goes to no other address: when this is not the saved address, `hasKey` is false.
   */
  boundTo: z.string().nullable(),
})
import {
  engineStatusSchema,
  generateCallSchema,
  loadModelRequestSchema,
  promptSummarySchema,
  requestIdSchema,
  type QuireEvent,
} from './schemas'

/** The one API every transport serves: each method's request and response schema. */
export const contractMethods = {
  getStatus: { input: z.undefined(), output: engineStatusSchema },
  loadModel: { input: loadModelRequestSchema, output: engineStatusSchema },
  listPrompts: { input: z.undefined(), output: z.array(promptSummarySchema) },
  /** Starts a request under the client's id; its events go to this client only. */
  generate: { input: generateCallSchema, output: z.object({ requestId: requestIdSchema }) },
  /** Stops a request at any moment, even before `generate` for it has arrived. */
  cancel: {
    input: z.object({ requestId: requestIdSchema }),
    output: z.object({ cancelled: z.boolean() }),
  },
  getSettings: { input: z.undefined(), output: settingsSchema },
  listModels: { input: z.undefined(), output: z.array(modelListEntrySchema) },
  /** Downloads a catalog model (by id; the default when none) or an `hf:`/https URI. */
  pullModel: {
    input: z.object({ id: z.string().min(1).optional(), endpoint: z.string().url().optional() }),
    output: z.object({ downloadId: z.string() }),
  },
  pauseDownload: {
    input: z.object({ downloadId: z.string() }),
    output: z.object({ ok: z.boolean() }),
  },
  cancelDownload: {
    input: z.object({ downloadId: z.string() }),
    output: z.object({ ok: z.boolean() }),
  },
  /** Imports a GGUF file already on disk (checked first; referenced, not copied). */
  addModel: {
    input: z.object({ path: z.string().trim().min(1) }),
    output: z.array(modelListEntrySchema),
  },
  removeModel: {
    input: z.object({ id: z.string().min(1) }),
    output: z.array(modelListEntrySchema),
  },
  getHardware: { input: z.undefined(), output: hardwareReportSchema },
  /** The Library panel: every prompt with where it comes from, personas, presets, problems. */
  listLibrary: { input: z.undefined(), output: libraryListingSchema },
  getPromptText: { input: promptRefSchema, output: promptTextSchema },
  savePrompt: { input: savePromptRequestSchema, output: savePromptResultSchema },
  duplicatePrompt: { input: duplicatePromptRequestSchema, output: duplicatePromptResultSchema },
  deletePrompt: { input: promptRefSchema, output: removedPromptSchema },
  restorePrompt: { input: promptRefSchema, output: removedPromptSchema },
  /** Undoes deletePrompt or restorePrompt: the writer's file comes back from its `.bak`. */
  undeletePrompt: { input: promptRefSchema, output: z.object({ file: z.string() }) },
  /** A persona file; saving puts the writer's version in the user folder (built-in ones are overridden). */
  getPersonaText: { input: promptRefSchema, output: promptTextSchema },
  savePersona: {
    input: savePromptRequestSchema,
    output: z.union([
      z.object({ ok: z.literal(true), id: z.string(), file: z.string() }),
      z.object({ ok: z.literal(false), problems: z.array(libraryProblemSchema) }),
    ]),
  },
  /** The LoRA adapters in the data folder's `lora/`, for choosing a configuration's set. */
  listLoraAdapters: { input: z.undefined(), output: loraListingSchema },
  /** The exact messages and sampling values a prompt would send, without a model. */
  previewPrompt: { input: promptPreviewRequestSchema, output: promptPreviewSchema },
  exportPack: { input: packExportRequestSchema, output: packExportResultSchema },
  planPackImport: { input: packImportRequestSchema, output: stylePackPlanSchema },
  applyPackImport: { input: packApplyRequestSchema, output: packApplyResultSchema },
  /** Stores the remote server's API key in the OS keychain (never in settings); null forgets it. */
  setRemoteApiKey: {
    input: z.object({ apiKey: z.string().trim().min(1).max(4096).nullable() }),
    output: remoteKeyStatusSchema,
  },
  getRemoteKeyStatus: { input: z.undefined(), output: remoteKeyStatusSchema },
  updateSettings: { input: settingsPatchSchema, output: settingsSchema },
  /** Asks a server for its models without switching to it: ready, or rejected with the reason. */
  checkRemote: { input: remoteSettingsSchema.partial(), output: engineStatusSchema },
  ...documentMethods,
  ...voteMethods,
} as const

export type ContractMethods = typeof contractMethods
export type MethodName = keyof ContractMethods
export type MethodInput<M extends MethodName> = z.input<ContractMethods[M]['input']>
export type ParsedMethodInput<M extends MethodName> = z.output<ContractMethods[M]['input']>
export type MethodOutput<M extends MethodName> = z.output<ContractMethods[M]['output']>

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
/** Fails to compile when methodNames.ts and the schemas above drift apart. */
export const methodNamesMatch: Same<(typeof methodNames)[number], MethodName> = true

export type EventListener = (event: QuireEvent) => void
export type Unsubscribe = () => void

/** What the renderer and other clients call. Methods without a request take no argument. */
export type QuireApi = {
  [M in MethodName]: [MethodInput<M>] extends [undefined]
    ? () => Promise<MethodOutput<M>>
    : (input: MethodInput<M>) => Promise<MethodOutput<M>>
} & { onEvent(listener: EventListener): Unsubscribe }

/** What a host implements: each handler receives an already validated request. */
export type ContractHandlers = {
  [M in MethodName]: (input: ParsedMethodInput<M>) => Promise<MethodOutput<M>>
}

/**
 * One client's session with the host (a window, a browser tab, the CLI): the handlers, bound
 * to this client. Its generation requests' events go to this client's listener alone;
 * status, library and download events go to every client.
 */
export type ClientConnection = ContractHandlers & {
  /** The client went away: its requests are cancelled and it gets no more events. */
  close(): void
}

/** A host-side service: every transport connects each of its clients. */
export type QuireService = { connect(listener: EventListener): ClientConnection }

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contractMethods, name)
}
