import { join } from 'node:path'

/** Where a library layer keeps its files; the user layer is the user-data folder itself. */
export type LayerPaths = {
  root: string
  /** prompts/{en,zh}/*.md */
  prompts: string
  /** personas/{en,zh}/*.md */
  personas: string
  /** {"presets": [...]}, the same format as resources/presets.json */
  presets: string
  /** {"zh": [[from, to], …], "en": […]}: the writer's own stock-phrase replacements */
  replacements: string
}

/** The files of one library folder (the bundled resources, the user-data folder or an extra one). */
export function layerPaths(root: string): LayerPaths {
  return {
    root,
    prompts: join(root, 'prompts'),
    personas: join(root, 'personas'),
    presets: join(root, 'presets.json'),
    replacements: join(root, 'replacements.json'),
  }
}

/** The folder LoRA adapters are looked up in (relative `lora:` file names). */
export function loraFolder(dataDir: string): string {
  return join(dataDir, 'lora')
}
