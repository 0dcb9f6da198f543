import { describe, expect, it } from 'vitest'
import { StopMatcher } from '@core/openai/stopSequences'

const feed = (stops: string[], pieces: string[]) => {
  const matcher = new StopMatcher(stops)
  let shown = ''
  for (const piece of pieces) {
    const result = matcher.push(piece)
    shown += result.text
    if (result.stopped) return { shown, stopped: true }
  }
  return { shown: shown + matcher.flush(), stopped: false }
}

describe('StopMatcher', () => {
  it('cuts at a stop string split across pieces, and never shows its first half', () => {
    const matcher = new StopMatcher(['END'])
    expect(matcher.push('The last line E')).toEqual({ text: 'The last line ', stopped: false })
    expect(matcher.push('N')).toEqual({ text: '', stopped: false })
    expect(matcher.push('D and more')).toEqual({ text: '', stopped: true })
  })

  it('shows held-back text when it turns out not to be a stop string', () => {
    expect(feed(['END'], ['Go E', 'ast'])).toEqual({ shown: 'Go East', stopped: false })
    expect(feed(['END'], ['Ends in E'])).toEqual({ shown: 'Ends in E', stopped: false })
  })

  it('stops at whichever stop string comes first', () => {
    expect(feed(['\n\n', '。'], ['第一句。第二句\n\n'])).toEqual({ shown: '第一句', stopped: true })
  })

  it('passes everything through without stop strings', () => {
    expect(feed([], ['a', 'b'])).toEqual({ shown: 'ab', stopped: false })
    expect(feed([''], ['a'])).toEqual({ shown: 'a', stopped: false })
  })
})
