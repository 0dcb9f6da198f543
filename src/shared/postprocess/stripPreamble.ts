import { splitSentences } from './sentences'
import type { Step } from './stepTypes'

// Acknowledgements. Chinese ones must be followed by a mark so 当然，… or 行走… stay prose.
const ACK_EN =
  "(?:sure(?: thing)?|certainly|of course|absolutely|okay|ok|alright|all right|got it|no problem|gladly|(?:i'd|i’d|i would) (?:be )?(?:happy|glad) to(?: help)?)(?![\\p{L}])"
const ACK_ZH = '(?:好的|好呀|好啊|好嘞|当然可以|当然|没问题|可以的|明白了?|收到)'
const ACK_PART = `(?:(?:${ACK_EN}[!.,~]*|${ACK_ZH}[!！.。,，~～]+)\\s*)`
const ACK_ONLY = new RegExp(`^(?:(?:${ACK_EN}|${ACK_ZH})[!！.。~～]*\\s*)+$`, 'iu')
const ACK_SENTENCE = new RegExp(`^(?:${ACK_EN}|${ACK_ZH})[!！.。]+[ \\t]*(?=\\S)`, 'iu')

const INTRO_STRONG = "(?:here(?:'s|’s| is| are)|below (?:is|are)|以下是|以下为|下面是|下面为)"
const INTRO = `(?:${INTRO_STRONG}|this is (?:a|an|the|my|your)|these are|i(?:'ve|’ve| have) (?:rewritten|revised|written|created|composed|polished|edited|continued)|i(?:'ll|’ll| will) |let me |let(?:'s|’s| us) |as requested|这是|这里是|为你|为您|给你|给您|我为你|我为您|我已|我来|我将|我帮你|我帮您|我尝试|根据你|根据您|按照你|按照您)`
/**
 * Words that show a line talks about the answer itself ("the rewritten text", "改写后的内容").
 * Without one, "Here's the thing: …" or "以下是他的回忆：" is the writer's prose.
 */
const ANSWER_WORD =
  '(?:(?<!\\p{L})(?:rewrit\\p{L}*|revis\\p{L}*|edit(?:ed|s)?|polish\\p{L}*|version|poem|texts?|continu\\p{L}*|translat\\p{L}*|titles?|passage|paragraph|stor(?:y|ies)|drafts?|verses?|stanzas?|lyrics|haikus?|attempt|output|answer|result)(?!\\p{L})|' +
  '改写|改好|改过|修改|重写|润色|续写|翻译|译文|诗|版本|内容|文字|文本|段落|标题|故事|文案|歌词|结果|答案|输出)'
const TALKS_ABOUT_ANSWER = new RegExp(ANSWER_WORD, 'iu')
const INTRO_LINE = new RegExp(`^${ACK_PART}*${INTRO}.{0,100}[:：](?:\\*\\*)?$`, 'iu')
/** "Sure! Let's see how this reads:" — a whole acknowledgement, then an introduction. */
const ACK_INTRO_LINE = new RegExp(
  `^(?:${ACK_EN}|${ACK_ZH})[!！.。,，]+\\s*${INTRO}.{0,80}[:：](?:\\*\\*)?$`,
  'iu',
)
const FOLLOWS_LINE = /^.{0,60}(?:如下|as follows)[:：]$/iu
const STRONG_INTRO_LINE = new RegExp(`^${ACK_PART}*${INTRO_STRONG}.{0,100}[.。!！]$`, 'iu')
/** "以下是改写后的内容：正文…" on one line: the introduction names what it introduces. */
const SAME_LINE_INTRO = new RegExp(
  `^${ACK_PART}*${INTRO_STRONG}[^:：\\n]{0,60}?${ANSWER_WORD}[^:：\\n]{0,30}[:：][ \\t]*(?=\\S)`,
  'iu',
)

const LABEL = new RegExp(
  '^(?:\\*\\*|#{1,6}[ \\t]*)?(?:rewritten(?: (?:text|version|passage|paragraph))?|rewrite|revised(?: (?:text|version|passage))?|revision|poem|continuation|output|answer|' +
    '改写(?:后)?(?:的)?(?:内容|文本|版本|段落|结果)?|润色(?:后)?(?:的)?(?:内容|文本|版本|段落)?|续写(?:内容|部分)?|重写|修改后(?:的)?(?:内容|文本|版本|段落)?|输出|答案|正文)' +
    '(?:\\*\\*)?[ \\t]*[:：](?:\\*\\*)?\\s*',
  'iu',
)

const OFFERS = [
  /^(?:please )?let me know\b/i,
  /^(?:i )?hope (?:this|that|it|these) (?:helps|works|captures|fits|is (?:what|helpful|useful)|meets|suits)/i,
  /^(?:i )?hope you (?:enjoy|like) (?:it|this|the)\b/i,
  /^feel free to\b/i,
  /^(?:if|should) you(?:'d|’d| would)? (?:like|want|prefer|need)\b.*\b(?:adjust|chang|tweak|another|version|revis|modif|edit|different|tone|style|longer|shorter|let me know|help)/i,
  /^would you like (?:me to|another|a different|any|more|changes|adjustments|a version)\b/i,
  /^do you want me to\b/i,
  /^(?:shall|should) i (?:adjust|change|revise|make|write|try|continue)\b/i,
  /^i can (?:also|adjust|make|revise|try|write|change)\b/i,
  /^(?:happy|glad) to help\b/i,
  /^希望(?:这|以上|这些|上述)[^。！？\n]*(?:帮助|帮到|喜欢|满意|有用|符合|需要|要求)/u,
  /^希望(?:对你|对您)有(?:所)?帮助/u,
  /^希望(?:你|您)(?:会)?喜欢/u,
  /^希望能(?:帮到|对你|对您|满足|符合)/u,
  /^如果(?:你|您)?[^。！？\n]*(?:需要|想要|希望|还想|觉得|不满意)[^。！？\n]*(?:调整|修改|改写|版本|风格|帮助|告诉我|随时|其他|更多|进一步|润色|改动|续写)/u,
  /^(?:如需|如有需要|如有任何|需要我|还需要我|要不要我|是否需要|欢迎随时|随时告诉我|有任何(?:问题|需要|修改))/u,
  /^(?:祝你|祝您)(?:写作|创作)/u,
]
const RULE_LINE = /^[-*_—=]{3,}$/

const QUOTE_PAIRS: Array<[string, string]> = [
  ['“', '”'],
  ['「', '」'],
  ['『', '』'],
  ['"', '"'],
]
const FENCE = /^```[^\n`]*\n([\s\S]*?)\n?```$/

const isOffer = (line: string): boolean => OFFERS.some((pattern) => pattern.test(line.trim()))

/**
 * Is this (trimmed) first line a preamble? Only a pure acknowledgement ("Sure!", "好的。"), an
 * acknowledgement followed by an introduction ("Sure! Here's …:"), or an introduction that talks
 * about the answer itself ("Here is the rewritten text:", "以下是改写后的内容："). "Here's the
 * thing: nobody knew." and "以下是他的回忆：" are prose.
 */
export function isPreambleLine(line: string): boolean {
  if (line.length > 160) return false
  if (ACK_ONLY.test(line) || ACK_INTRO_LINE.test(line)) return true
  return (
    (INTRO_LINE.test(line) || FOLLOWS_LINE.test(line) || STRONG_INTRO_LINE.test(line)) &&
    TALKS_ABOUT_ANSWER.test(line)
  )
}

/**
 * Removes a leading preamble line (see `isPreambleLine`), a same-line introduction of the answer
 * or a leading label. An acknowledgement followed by more text on its line ("Of course! she
 * cried, and ran to the door.") is prose and stays.
 */
export function stripLeading(text: string): string {
  const body = text.trimStart()
  const newline = body.indexOf('\n')
  if (newline > 0) {
    const line = body.slice(0, newline).trim()
    const rest = body.slice(newline + 1)
    if (rest.trim() !== '' && isPreambleLine(line)) return rest.trimStart()
  }
  const intro = SAME_LINE_INTRO.exec(body)
  if (intro) return body.slice(intro[0].length)
  const label = LABEL.exec(body)
  if (label && body.slice(label[0].length).trim() !== '') return body.slice(label[0].length)
  return text
}

/** Removes a trailing offer ("Let me know if…", "希望对你有帮助！"), as a line or a sentence. */
export function stripTrailing(text: string): string {
  const body = text.trimEnd()
  const lineStart = body.lastIndexOf('\n') + 1
  const line = body.slice(lineStart).trim()
  const before = body.slice(0, lineStart).trimEnd()
  if (before !== '' && (isOffer(line) || RULE_LINE.test(line))) return before
  const sentences = splitSentences(body.slice(lineStart))
  const last = sentences.at(-1)
  if (sentences.length > 1 && last && isOffer(last.text))
    return body.slice(0, lineStart + last.start).trimEnd()
  return text
}

/** Unwraps an answer that is entirely one quotation or one code fence. */
function unwrap(text: string): string {
  const body = text.trim()
  const fence = FENCE.exec(body)
  if (fence && fence[1] !== undefined && !fence[1].includes('```') && fence[1].trim() !== '')
    return fence[1].trim()
  for (const [open, close] of QUOTE_PAIRS) {
    if (body.length < 3 || !body.startsWith(open) || !body.endsWith(close)) continue
    const inner = body.slice(1, -1)
    if (inner.trim() === '') continue
    if (open === close) {
      if (!inner.includes(open)) return inner.trim()
      continue
    }
    let depth = 1
    for (const char of inner) {
      if (char === open) depth++
      else if (char === close) depth--
      if (depth === 0) break
    }
    if (depth > 0) return inner.trim()
  }
  return text
}

/** The whole step, repeated until nothing more comes off (a preamble may be two lines). */
export function stripPreambleText(text: string): string {
  let result = text
  for (let previous = ''; previous !== result;) {
    previous = result
    result = unwrap(stripTrailing(stripLeading(result)))
  }
  return result
}

const OPENERS = [
  'sure',
  'certainly',
  'of course',
  'absolutely',
  'okay',
  'ok',
  'alright',
  'all right',
  'got it',
  'no problem',
  'gladly',
  "i'd",
  'i would',
  'here',
  'below',
  'this is',
  'these are',
  "i've",
  'i have',
  "i'll",
  'i will',
  'let me',
  'as requested',
  'rewrit',
  'revis',
  'poem',
  'continuation',
  'output',
  'answer',
  '**',
  '#',
  '好的',
  '好呀',
  '好啊',
  '好嘞',
  '当然',
  '没问题',
  '可以的',
  '明白',
  '收到',
  '以下',
  '下面',
  '这是',
  '这里是',
  '为你',
  '为您',
  '给你',
  '给您',
  '我为',
  '我已',
  '我来',
  '我将',
  '我帮',
  '我尝试',
  '根据',
  '按照',
  '改写',
  '润色',
  '续写',
  '重写',
  '修改后',
  '输出',
  '答案',
  '正文',
]

/**
 * While streaming: could this unfinished first line still turn out to be a preamble? Then the
 * card holds it back until the line ends, rather than showing it and taking it away.
 */
export function mayBecomePreamble(line: string): boolean {
  const start = line.trimStart().toLowerCase()
  if (start === '') return true
  if (start.length > 160) return false
  if (!OPENERS.some((opener) => opener.startsWith(start) || start.startsWith(opener))) return false
  // Past "Sure!" and the like, a finished sentence with more after it is prose, not a preamble.
  let rest = start
  for (let ack = ACK_SENTENCE.exec(rest); ack; ack = ACK_SENTENCE.exec(rest))
    rest = rest.slice(ack[0].length)
  return !/[.!?。！？]\s*\S/u.test(rest.replace(/\b(?:e\.g|i\.e|mr|mrs|ms|dr)\./g, ''))
}

/** While streaming: could this unfinished last line be the start of a trailing offer? */
export function mayBecomeOffer(line: string): boolean {
  const start = line.trim().toLowerCase()
  if (start === '') return false
  const heads = [
    'let me know',
    'please let me',
    'i hope',
    'hope this',
    'feel free',
    'if you',
    'would you like',
    'do you want',
    'i can ',
    '希望',
    '如果',
    '如需',
    '如有',
    '需要我',
    '还需要',
    '要不要',
    '是否需要',
    '欢迎',
    '随时',
    '有任何',
    '祝你',
    '祝您',
  ]
  return heads.some((head) => head.startsWith(start) || start.startsWith(head)) || isOffer(start)
}

export const stripPreamble: Step<'strip-preamble'> = (text) => ({ text: stripPreambleText(text) })
