import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { HardwareReport, QuireApi } from '@shared/contract'
import { hostErrorText } from '../i18n/hostText'

type HardwareState =
  | { phase: 'loading' }
  | { phase: 'ready'; report: HardwareReport }
  | { phase: 'failed'; message: string }

// Probing takes a couple of seconds and the machine does not change while Quire runs: ask once
// per connection, and show the answer at once when the panel is opened again.
const asked = new WeakMap<QuireApi, Promise<HardwareReport>>()
const known = new WeakMap<QuireApi, HardwareReport>()

function ask(api: QuireApi): Promise<HardwareReport> {
  let pending = asked.get(api)
  if (!pending) {
    pending = api.getHardware().then(
      (report) => {
        known.set(api, report)
        return report
      },
      (error: unknown) => {
        asked.delete(api)
        throw error
      },
    )
    asked.set(api, pending)
  }
  return pending
}

/** This computer's hardware as the engine sees it, asked for when first shown. */
export function useHardware(api: QuireApi) {
  const { t } = useTranslation()
  const [state, setState] = useState<HardwareState>(() => {
    const report = known.get(api)
    return report ? { phase: 'ready', report } : { phase: 'loading' }
  })
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    let live = true
    ask(api).then(
      (report) => live && setState({ phase: 'ready', report }),
      (error: unknown) =>
        live &&
        setState({
          phase: 'failed',
          message: hostErrorText(t, error),
        }),
    )
    return () => {
      live = false
    }
  }, [api, attempt, t])
  const retry = useCallback(() => {
    setState({ phase: 'loading' })
    setAttempt((count) => count + 1)
  }, [])
  return { state, retry }
}
