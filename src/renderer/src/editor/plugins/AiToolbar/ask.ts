/** The bundled prompt that carries out the writer's own instruction (`{{instruction}}`). */
export const ASK_PROMPT_ID = 'rewrite.custom'

/** The variables of an Ask request. */
export const askVariables = (instruction: string): Record<string, string> => ({
  instruction: instruction.trim(),
})
