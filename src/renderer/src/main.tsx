import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { connectToHost } from './api'
import { App } from './App'
import { setUpI18n } from './i18n'
import './styles/app.css'
import './styles/editor.css'
import './styles/ai.css'
import './styles/panels.css'
import './styles/library.css'
import './styles/settings.css'
import './styles/models.css'
import './styles/documents.css'
import './styles/palette.css'

const root = document.getElementById('root')
if (!root) throw new Error('Quire: the page has no #root element.')

void setUpI18n().then(() => {
  createRoot(root).render(
    <StrictMode>
      <App host={connectToHost()} />
    </StrictMode>,
  )
})
