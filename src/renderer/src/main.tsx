import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { connectToHost } from './api'
import { MissingTokenPage } from './api/MissingTokenPage'
import { App } from './App'
import { setUpI18n } from './i18n'
import './styles/app.css'
import './styles/editor.css'
import './styles/ai.css'
import './styles/suggestion.css'
import './styles/panels.css'
import './styles/library.css'
import './styles/settings.css'
import './styles/models.css'
import './styles/documents.css'

const root = document.getElementById('root')
if (!root) throw new Error('Quire: the page has no #root element.')

// First of all: the token leaves the address bar before anything else can read or send it.
const host = connectToHost()

void setUpI18n().then(() => {
  createRoot(root).render(
    <StrictMode>{host ? <App host={host} /> : <MissingTokenPage />}</StrictMode>,
  )
})
