/**
 * Model families Quire runs, by GGUF `general.architecture`. llama.cpp knows many more; these
 * are the ones we test and tune prompts for. Mistral models mostly say "llama".
 */
export const SUPPORTED_ARCHITECTURES: Readonly<Record<string, string>> = {
  qwen2: 'Qwen',
  qwen2moe: 'Qwen',
  qwen3: 'Qwen',
  qwen3moe: 'Qwen',
  llama: 'Llama',
  mistral3: 'Mistral',
  gemma: 'Gemma',
  gemma2: 'Gemma',
  gemma3: 'Gemma',
  phi2: 'Phi',
  phi3: 'Phi',
  phimoe: 'Phi',
}

/** The families, for messages: "Qwen, Llama, Mistral, Gemma or Phi". */
export const SUPPORTED_FAMILIES = [...new Set(Object.values(SUPPORTED_ARCHITECTURES))]

/** Files that are GGUF but not a model that writes: what they are instead, in a writer's words. */
export function nonWritingKind(architecture: string): string | null {
  if (architecture === 'clip' || architecture === 'mmproj')
    return 'an image encoder (mmproj) that goes with a vision model, not a model that writes'
  if (/bert|embed|t5encoder/.test(architecture))
    return 'an embedding model, which compares texts but does not write'
  if (/wavtokenizer|whisper|audio/.test(architecture))
    return 'an audio model, not a model that writes'
  return null
}
