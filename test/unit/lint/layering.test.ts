import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
// The project's own eslint.config.js, as `npm run lint` runs it.
const eslint = new ESLint({ cwd: ROOT })

/** The layer rule's complaints about `code` placed at `file`. */
async function layerProblems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) })
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'layering/allowed-imports')
    .map((message) => message.message)
}

// ESLint's first run loads the TypeScript parser and the config: seconds on a busy machine.
describe('the layer rule (allow-lists, as VS Code’s code-layering)', { timeout: 60_000 }, () => {
  it.each([
    [
      'src/core/service/probe.ts',
      "export const llama = () => import('node-llama-cpp')",
      /core may not import node-llama-cpp/,
    ],
    [
      'src/core/service/probe.ts',
      "import { getLlama } from 'node-llama-cpp'\nvoid getLlama",
      /core may not import node-llama-cpp/,
    ],
    [
      'src/core/service/probe.ts',
      "import { app } from 'electron'\nvoid app",
      /core may not import electron/,
    ],
    [
      'src/core/engine/host/probe.ts',
      "import { SettingsStore } from '../../settings/settingsStore'\nvoid SettingsStore",
      /engine may not import core/,
    ],
    [
      'src/shared/contract/probe.ts',
      "import { readFile } from 'node:fs'\nvoid readFile",
      /shared may not import node/,
    ],
    [
      'src/shared/contract/probe.ts',
      "export * from '../../core/engine/backend'",
      /shared may not import engine/,
    ],
    [
      'src/shared/contract/probe.ts',
      "export const ui = () => import('react')",
      /shared may not import ui/,
    ],
    [
      'src/renderer/src/probe.ts',
      "import { EngineHost } from '@core/engine/host/engineHost'\nvoid EngineHost",
      /renderer may not import engine/,
    ],
    [
      'src/renderer/src/probe.ts',
      "export const core = () => import('../../core/service/createQuireService')",
      /renderer may not import core/,
    ],
    [
      'src/renderer/src/probe.ts',
      "export const ipc = require('electron')",
      /renderer may not import electron/,
    ],
    [
      'src/renderer/src/probe.ts',
      "import { WebSocketServer } from 'ws'\nvoid WebSocketServer",
      /renderer may not import node/,
    ],
    ['src/preload/probe.ts', "import { z } from 'zod'\nvoid z", /preload may not import pure/],
    ['src/web/probe.ts', "import { app } from 'electron'\nvoid app", /web may not import electron/],
  ])('refuses %s: %s', async (file, code, complaint) => {
    const problems = await layerProblems(file, code)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(complaint)
  })

  it('refuses an import() whose module it cannot read', async () => {
    const problems = await layerProblems(
      'src/core/service/probe.ts',
      "const name = 'node-llama-cpp'\nexport const load = () => import(name)",
    )
    expect(problems).toEqual([expect.stringMatching(/must name its module as a string literal/)])
  })

  it.each([
    ['src/core/engine/worker/probe.ts', "export const llama = () => import('node-llama-cpp')"],
    [
      'src/core/engine/gguf/probe.ts',
      "import { readGgufFileInfo } from 'node-llama-cpp'\nvoid readGgufFileInfo",
    ],
    [
      'src/core/service/probe.ts',
      "import { EngineHost } from '../engine/host/engineHost'\nimport { readFile } from 'node:fs/promises'\nvoid EngineHost, readFile",
    ],
    ['src/core/service/probe.ts', "export const contract = () => import('@shared/contract')"],
    [
      'src/renderer/src/probe.tsx',
      "import { useState } from 'react'\nimport { $getRoot } from 'lexical'\nimport { z } from 'zod'\nimport { contractMethods } from '@shared/contract'\nvoid useState, $getRoot, z, contractMethods",
    ],
    [
      'src/main/probe.ts',
      "import { app } from 'electron'\nimport { createQuireService } from '@core/service/createQuireService'\nvoid app, createQuireService",
    ],
    [
      'src/shared/prompts/probe.ts',
      "import { z } from 'zod'\nimport { renderTemplate } from './render'\nvoid z, renderTemplate",
    ],
    [
      'src/preload/probe.ts',
      "import { contextBridge } from 'electron'\nimport { methodNames } from '@shared/contract/methodNames'\nvoid contextBridge, methodNames",
    ],
    ['src/cli/probe.ts', "import { startWebServer } from '../web/webServer'\nvoid startWebServer"],
  ])('accepts %s: %s', async (file, code) => {
    expect(await layerProblems(file, code)).toEqual([])
  })
})
