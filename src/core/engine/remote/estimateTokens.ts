/** Characters a tokenizer usually gives a token of their own: Han, kana, Hangul, CJK punctuation. */
const CJK =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/gu

/**
 * Tokens a text will likely cost on a server whose tokenizer Quire cannot see: one per CJK
 * character, one per four other characters, rounded up.
 */
export function estimateTokens(text: string): number {
  const cjk = text.match(CJK)?.length ?? 0
  const others = [...text].length - cjk
  return cjk + Math.ceil(others / 4)
}

/** Tokens a chat template adds around each message (role markers, separators). */
export const MESSAGE_OVERHEAD_TOKENS = 4

/** Estimated prompt tokens of a chat: every message's text plus its template overhead. */
export function estimateChatTokens(messages: readonly { content: string }[]): number {
  return messages.reduce(
    (sum, message) => sum + estimateTokens(message.content) + MESSAGE_OVERHEAD_TOKENS,
    0,
  )
}
