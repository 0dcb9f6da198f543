// In-page measurements for the editor bench, as a script the page runs (it is browser code,
// kept apart from this Node program's types). `window.quireProbe` records, once started:
// - frame intervals (requestAnimationFrame, a loop that runs only while recording),
// - long tasks (PerformanceObserver 'longtask'),
// - for each keydown, the time to the next paint: the next animation frame, then a message
//   posted after it (the frame has been produced by then).
export const PROBE_SCRIPT = `
(() => {
  if (window.quireProbe) return
  const probe = { latencies: [], frames: [], longTasks: [], recording: false }
  window.quireProbe = probe
  // The frame loop runs only while recording: each frame it asks for is a frame Chromium
  // produces, and with content-visibility every frame re-checks which blocks are in sight.
  let last = 0
  let looping = false
  const frame = (now) => {
    if (!probe.recording) {
      looping = false
      last = 0
      return
    }
    if (last > 0) probe.frames.push(now - last)
    last = now
    requestAnimationFrame(frame)
  }
  new PerformanceObserver((list) => {
    if (!probe.recording) return
    for (const entry of list.getEntries()) probe.longTasks.push(entry.duration)
  }).observe({ type: 'longtask' })
  const channel = new MessageChannel()
  const pending = []
  channel.port1.onmessage = () => {
    const start = pending.shift()
    if (start !== undefined && probe.recording) probe.latencies.push(performance.now() - start)
  }
  window.addEventListener('keydown', (event) => {
    const start = event.timeStamp
    requestAnimationFrame(() => {
      pending.push(start)
      channel.port2.postMessage(null)
    })
  }, { capture: true })
  probe.record = (on) => {
    probe.recording = on
    if (on) { probe.latencies = []; probe.frames = []; probe.longTasks = [] }
    if (on && !looping) { looping = true; requestAnimationFrame(frame) }
  }
  const paragraph = (index) => {
    const root = document.querySelector('[data-testid="editor"]')
    return root ? [...root.querySelectorAll('p')].at(index) : undefined
  }
  // Selects the whole text of the paragraph at index (negative from the end), as a drag would.
  probe.selectParagraph = (index) => {
    const block = paragraph(index)
    if (!block) return false
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT)
    const first = walker.nextNode()
    let lastNode = first
    for (let node = walker.nextNode(); node; node = walker.nextNode()) lastNode = node
    if (!first) return false
    const range = document.createRange()
    range.setStart(first, 0)
    range.setEnd(lastNode, lastNode.textContent.length)
    const selection = window.getSelection()
    selection.removeAllRanges()
    selection.addRange(range)
    return true
  }
  // Puts the caret at the end of the paragraph at index.
  probe.caretAtEnd = (index) => {
    const block = paragraph(index)
    if (!block) return false
    const range = document.createRange()
    range.selectNodeContents(block)
    range.collapse(false)
    const selection = window.getSelection()
    selection.removeAllRanges()
    selection.addRange(range)
    return true
  }
})()
`

/** What the probe recorded since it was last started. */
export type ProbeReading = { latencies: number[]; frames: number[]; longTasks: number[] }

/** Page expressions for the probe's functions. */
export const probe = {
  record: (on: boolean) => `window.quireProbe.record(${on})`,
  read: 'JSON.parse(JSON.stringify({ latencies: window.quireProbe.latencies, frames: window.quireProbe.frames, longTasks: window.quireProbe.longTasks }))',
  selectParagraph: (index: number) => `window.quireProbe.selectParagraph(${index})`,
  caretAtEnd: (index: number) => `window.quireProbe.caretAtEnd(${index})`,
}
