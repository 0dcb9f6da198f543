import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { connectToHost } from './api'
import { App } from './App'
import { setUpI18n } from './i18n'
import { rememberedTheme, resolveTheme } from './settings/appearance'
import './styles/themes.css'
import './styles/app.css'
import './styles/editor.css'
import './styles/ai.css'
import './styles/panels.css'
import './styles/library.css'
import './styles/settings.css'
import './styles/models.css'
import './styles/documents.css'

// The theme this device last used, before the first paint (the settings file follows).
document.documentElement.dataset.theme = resolveTheme(
  rememberedTheme(),
  window.matchMedia('(prefers-color-scheme: dark)').matches,
)

const root = document.getElementById('root')
if (!root) throw new Error('Quire: the page has no #root element.')

void setUpI18n().then(() => {
  createRoot(root).render(
    <StrictMode>
      <App host={connectToHost()} />
    </StrictMode>,
  )
})
