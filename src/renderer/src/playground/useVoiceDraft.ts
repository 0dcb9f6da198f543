import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { QuireApi } from '@shared/contract'
import type { LoraAdapterSpec } from '@shared/presets/schema'
import type { LoraListing } from '@shared/prompts/libraryContract'
import { hostErrorText } from '../i18n/hostText'
import { templateOf, type VoiceDraft } from './playgroundDraft'

type Language = 'zh' | 'en'

/** A persona file's text without its front matter: the system message it sends. */
async function personaText(api: QuireApi, id: string, language: Language): Promise<string> {
  const file = await api.getPersonaText({ id, language })
  return templateOf(file.text)
}

/**
 * The playground's persona, system message and LoRA set for the loaded prompt: they start as the
 * prompt runs them, choosing a persona loads its text as the system message.
 */
export function useVoiceDraft(
  api: QuireApi,
  language: Language,
  base: { persona: string; lora: LoraAdapterSpec[] } | null,
) {
  const { t } = useTranslation()
  const [voice, setVoice] = useState<VoiceDraft | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const basePersona = base?.persona
  const baseLora = base?.lora
  // Bumped when another prompt loads: a persona chosen for the previous one must not land on it.
  const loads = useRef(0)

  useEffect(() => {
    if (basePersona === undefined || !baseLora) return
    loads.current++
    let live = true
    personaText(api, basePersona, language).then(
      (text) => {
        if (!live) return
        setProblem(null)
        setVoice({
          persona: basePersona,
          basePersona,
          system: text,
          personaText: text,
          lora: baseLora,
          baseLora,
        })
      },
      (error: unknown) => live && setProblem(hostErrorText(t, error)),
    )
    return () => {
      live = false
    }
  }, [api, language, basePersona, baseLora, t])

  const choosePersona = useCallback(
    (id: string) => {
      const load = loads.current
      personaText(api, id, language).then(
        (text) => {
          if (load !== loads.current) return
          setProblem(null)
          setVoice((v) => v && { ...v, persona: id, system: text, personaText: text })
        },
        (error: unknown) => setProblem(hostErrorText(t, error)),
      )
    },
    [api, language, t],
  )
  const setSystem = useCallback((system: string) => setVoice((v) => v && { ...v, system }), [])
  const setLora = useCallback((lora: LoraAdapterSpec[]) => setVoice((v) => v && { ...v, lora }), [])
  return { voice, problem, choosePersona, setSystem, setLora }
}

/** The adapters in the lora folder, listed when the playground opens and on "Look again". */
export function useLoraAdapters(api: QuireApi): { listing: LoraListing | null; refresh(): void } {
  const [listing, setListing] = useState<LoraListing | null>(null)
  const refresh = useCallback(() => {
    api.listLoraAdapters().then(setListing, () => setListing(null))
  }, [api])
  useEffect(refresh, [refresh])
  return { listing, refresh }
}
