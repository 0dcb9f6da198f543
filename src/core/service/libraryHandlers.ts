import type { ContractHandlers, LanguageChoice } from '@shared/contract'
import type { LibraryStore } from '../library/libraryStore'

type LibraryHandlers = Pick<
  ContractHandlers,
  | 'listPrompts'
  | 'listLibrary'
  | 'getPromptText'
  | 'savePrompt'
  | 'duplicatePrompt'
  | 'deletePrompt'
  | 'restorePrompt'
  | 'undeletePrompt'
  | 'previewPrompt'
  | 'getPersonaText'
  | 'savePersona'
  | 'exportPack'
  | 'planPackImport'
  | 'applyPackImport'
>

/** The prompt library as the contract serves it: the Library panel, previews and style packs. */
export function createLibraryHandlers(
  store: LibraryStore,
  languageSetting: () => LanguageChoice,
): LibraryHandlers {
  return {
    listPrompts: async () => store.listing().prompts,
    listLibrary: async () => store.listing(),
    getPromptText: ({ id, language }) => store.readPrompt(id, language),
    savePrompt: ({ language, text }) => store.savePrompt(language, text),
    duplicatePrompt: (request) => store.duplicatePrompt(request),
    deletePrompt: ({ id, language }) => store.deletePrompt(id, language),
    restorePrompt: ({ id, language }) => store.restorePrompt(id, language),
    undeletePrompt: ({ id, language }) => store.undeletePrompt(id, language),
    previewPrompt: async (request) => store.preview(request, languageSetting()),
    getPersonaText: ({ id, language }) => store.readPersona(id, language),
    savePersona: ({ language, text }) => store.savePersona(language, text),
    exportPack: (request) => store.exportPack(request),
    planPackImport: ({ text, fileName }) => store.planPackImport(text, fileName),
    applyPackImport: ({ text, fileName, fingerprint }) =>
      store.applyPackImport(text, fileName, fingerprint),
  }
}
