import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { connectToHost } from './api'
import { MissingTokenPage } from './api/MissingTokenPage'
import { App } from './App'
import { setUpI18n } from './i18n'
import { rememberedTheme, resolveTheme } from './settings/appearance'
import './styles/themes.css'
import './styles/app.css'
import './styles/editor.css'
import './styles/ai.css'
import './styles/suggestion.css'
import './styles/panels.css'
import './styles/library.css'
import './styles/settings.css'
import './styles/models.css'
import './styles/documents.css'
import './styles/compare.css'
import './styles/palette.css'

// The theme this device last used, before the first paint (the settings file follows).
document.documentElement.dataset.theme = resolveTheme(
  rememberedTheme(),
  window.matchMedia('(prefers-color-scheme: dark)').matches,
)

const root = document.getElementById('root')
if (!root) throw new Error('Quire: the page has no #root element.')

// First of all: the token leaves the address bar before anything else can read or send it.
const connection = connectToHost()

void Promise.all([setUpI18n(), connection]).then(([, connected]) => {
  createRoot(root).render(
    <StrictMode>
      {'host' in connected ? (
        <App host={connected.host} />
      ) : (
        <MissingTokenPage reason={connected.missing} />
      )}
    </StrictMode>,
  )
})
