/**
 * The contract's method names, free of zod so the sandboxed preload can import them cheaply.
 * `methods.ts` checks at compile time that this list and the schemas agree.
 */
export const methodNames = [
  'getStatus',
  'loadModel',
  'listPrompts',
  'generate',
  'cancel',
  'getSettings',
  'updateSettings',
  'listModels',
  'pullModel',
  'pauseDownload',
  'cancelDownload',
  'addModel',
  'removeModel',
  'getHardware',
  'listLibrary',
  'getPromptText',
  'savePrompt',
  'duplicatePrompt',
  'deletePrompt',
  'restorePrompt',
  'getPersonaText',
  'savePersona',
  'previewPrompt',
  'exportPack',
  'planPackImport',
  'applyPackImport',
  'setRemoteApiKey',
  'getRemoteKeyStatus',
  'checkRemote',
  'listDocuments',
  'openDocument',
  'createDocument',
  'saveDocument',
  'backupDocument',
  'discardBackup',
  'renameDocument',
  'deleteDocument',
  'restoreDocument',
  'exportDocument',
  'getDocumentsFolder',
] as const

/** The IPC channel of a method, and the one channel events travel on. */
export const ipcChannel = (method: string): string => `quire:${method}`
export const IPC_EVENT_CHANNEL = 'quire:event'
