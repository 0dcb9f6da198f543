import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PromptSummary, QuireApi } from '@shared/contract'
import { useLibraryChoices } from '../compare/useChallengers'
import { Drawer } from '../ui/Drawer'
import { useReducerStore } from '../ui/reducerStore'
import { runSamples, type SampleRun } from '../bestOf/sampleClient'
import {
  freshSeed,
  newSampleSet,
  sampleSetReducer,
  type SampleAction,
  type SampleSet,
} from '../bestOf/sampleSet'
import { PlaygroundResults } from './PlaygroundResults'
import { hostErrorText, problemText } from '../i18n/hostText'
import {
  overridesFrom,
  presetFrom,
  samplingProblems,
  templateOf,
  versionText,
  type SamplingDraft,
} from './playgroundDraft'
import { SamplingFields, type RunDraft } from './SamplingFields'
import { useLoraAdapters, useVoiceDraft } from './useVoiceDraft'
import { VoiceFields } from './VoiceFields'
import '../bestOf/bestOf.css'
import './playground.css'

type Props = { api: QuireApi; prompts: readonly PromptSummary[]; onClose(): void }
type Loaded = {
  prompt: PromptSummary
  fileText: string
  base: Awaited<ReturnType<QuireApi['previewPrompt']>>['sampling']
  /** The persona and LoRA set the prompt runs with. */
  voice: Pick<Awaited<ReturnType<QuireApi['previewPrompt']>>, 'persona' | 'lora'>
}

const setReducer = (
  set: SampleSet | null,
  action: SampleAction | { type: 'new'; set: SampleSet },
) => (action.type === 'new' ? action.set : set && sampleSetReducer(set, action))

/** The tuning playground: an action's template and sampling values edited live, N samples side by side. */
export function PlaygroundPanel({ api, prompts, onClose }: Props) {
  const { t, i18n } = useTranslation()
  const language: 'zh' | 'en' = i18n.language.startsWith('zh') ? 'zh' : 'en'
  const choices = prompts.filter((p) => p.language === language)
  const [promptId, setPromptId] = useState(
    () => choices.find((p) => p.id === 'rewrite.lyrical')?.id ?? choices[0]?.id ?? '',
  )
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [template, setTemplate] = useState('')
  const [sampling, setSampling] = useState<SamplingDraft | null>(null)
  const [input, setInput] = useState(() => t('playground.sampleInput'))
  const [runs, setRuns] = useState<RunDraft>({ count: 3, seedMode: 'fixed', seed: 42 })
  const [presetTitle, setPresetTitle] = useState('')
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null)
  const { state: set, store } = useReducerStore(setReducer, null)
  const run = useRef<SampleRun | null>(null)
  useEffect(() => () => run.current?.dispose(), [])
  const { voice, problem, choosePersona, setSystem, setLora } = useVoiceDraft(
    api,
    language,
    loaded?.voice ?? null,
  )
  const adapters = useLoraAdapters(api)
  const personas = useLibraryChoices(api).personas.filter((p) => p.language === language)

  useEffect(() => {
    const prompt = prompts.find((p) => p.id === promptId && p.language === language)
    if (!prompt) return
    let live = true
    void Promise.all([
      api.getPromptText({ id: prompt.id, language }),
      api.previewPrompt({ promptId: prompt.id, selection: '…', language }),
    ]).then(([file, preview]) => {
      if (!live) return
      setLoaded({
        prompt,
        fileText: file.text,
        base: preview.sampling,
        voice: { persona: preview.persona, lora: preview.lora },
      })
      setTemplate(templateOf(file.text))
      const { temperature, topP, topK, repeatPenalty, maxTokens } = preview.sampling
      setSampling({ temperature, topP, topK, repeatPenalty, maxTokens })
    })
    return () => {
      live = false
    }
  }, [api, prompts, promptId, language])

  const valuesOk = sampling !== null && samplingProblems(sampling).length === 0

  const start = useCallback(() => {
    if (!loaded || !sampling || !voice || samplingProblems(sampling).length > 0) return
    run.current?.dispose()
    const seeds = Array.from({ length: runs.count }, (_, i) =>
      runs.seedMode === 'fixed' ? runs.seed + i : freshSeed(),
    )
    const { maxTokens, ...values } = sampling
    const started = runSamples(
      api,
      {
        promptId: loaded.prompt.id,
        selection: input,
        language,
        maxTokens,
        overrides: overridesFrom(template, values, voice),
      },
      seeds,
      store.dispatch,
    )
    run.current = started
    const scoring = {
      checks: loaded.prompt.checks ?? {},
      input,
      language,
      judgeCopy: loaded.prompt.kind !== 'continue',
    }
    store.dispatch({ type: 'new', set: newSampleSet(started.requests, scoring) })
  }, [api, loaded, sampling, voice, runs, input, language, template, store])

  const savePreset = async () => {
    if (!loaded || !sampling || !presetTitle.trim() || !valuesOk) return
    const settings = await api.getSettings()
    const preset = presetFrom(presetTitle, loaded.base, sampling, loaded.prompt, voice?.lora)
    const others = settings.userPresets.filter((p) => p.id !== preset.id)
    try {
      await api.updateSettings({ userPresets: [...others, preset] })
      setNotice({ ok: true, text: t('playground.presetSaved', { id: preset.id }) })
    } catch (error) {
      setNotice({ ok: false, text: hostErrorText(t, error) })
    }
  }

  const saveVersion = async () => {
    if (!loaded || !voice) return
    const result = await api.savePrompt({
      language,
      text: versionText(loaded.fileText, template, voice),
    })
    setNotice(
      result.ok
        ? { ok: true, text: t('playground.versionSaved', { file: result.file }) }
        : { ok: false, text: result.problems.map((p) => problemText(t, p)).join(' ') },
    )
  }

  return (
    <Drawer testId="playground-panel" title={t('playground.title')} onClose={onClose} wide>
      <div className="playground-form">
        <label>
          {t('playground.action')}
          <select
            data-testid="playground-prompt"
            value={promptId}
            onChange={(e) => setPromptId(e.target.value)}
          >
            {choices.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        </label>
        <label className="playground-wide">
          {t('playground.input')}
          <textarea
            data-testid="playground-input"
            rows={3}
            value={input}
            onChange={(e) => setInput(e.target.value)}
          />
        </label>
        <label className="playground-wide">
          {t('playground.template')}
          <textarea
            data-testid="playground-template"
            rows={8}
            value={template}
            onChange={(e) => setTemplate(e.target.value)}
          />
        </label>
        {voice && (
          <VoiceFields
            voice={voice}
            personas={personas}
            adapters={adapters.listing}
            onPersona={choosePersona}
            onSystem={setSystem}
            onLora={setLora}
            onLookAgain={adapters.refresh}
          />
        )}
        {problem && (
          <p className="playground-error playground-wide" role="alert">
            {problem}
          </p>
        )}
        {sampling && (
          <SamplingFields
            sampling={sampling}
            runs={runs}
            onSampling={setSampling}
            onRuns={setRuns}
          />
        )}
      </div>
      <div className="playground-actions">
        <button
          type="button"
          className="button primary"
          data-testid="playground-run"
          disabled={!loaded || !voice || !input.trim() || !valuesOk}
          onClick={start}
        >
          {t('playground.run', { count: runs.count })}
        </button>
        <button
          type="button"
          className="button"
          data-testid="playground-save-version"
          disabled={!loaded || !voice}
          onClick={() => void saveVersion()}
        >
          {t('playground.saveVersion')}
        </button>
        <input
          data-testid="playground-preset-title"
          placeholder={t('playground.presetTitle')}
          value={presetTitle}
          onChange={(e) => setPresetTitle(e.target.value)}
        />
        <button
          type="button"
          className="button"
          data-testid="playground-save-preset"
          disabled={!presetTitle.trim() || !valuesOk}
          onClick={() => void savePreset()}
        >
          {t('playground.savePreset')}
        </button>
      </div>
      <p className="field-hint" data-testid="playground-saves-what">
        {t('playground.savesWhat')}
      </p>
      {notice && (
        <p
          className={notice.ok ? 'playground-saved' : 'playground-error'}
          data-testid="playground-notice"
          role="status"
        >
          {notice.text}
        </p>
      )}
      {set && <PlaygroundResults set={set} />}
    </Drawer>
  )
}
