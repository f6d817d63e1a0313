import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { createApiClient } from '../shared/api-client'
import { App } from './App'
import { bridgeTransport, httpTransport } from './api/transport'
import { createAppStore } from './state/app-store'
import { StoreProvider } from './state/context'
import './styles.css'

// The only place that knows which transport carries the API.
const bridge = window.spanmark
const api = createApiClient(bridge ? bridgeTransport(bridge) : httpTransport())
const store = createAppStore(api)

bridge?.onCommand((command) => {
  const s = store.getState()
  const focus = document.activeElement
  const typing = focus instanceof HTMLElement && (focus.isContentEditable || ['INPUT', 'TEXTAREA'].includes(focus.tagName))
  // On macOS the menu's Cmd+Z also fires while typing in a field: undo the typing there, not a span.
  if ((command === 'undo' || command === 'redo') && typing) document.execCommand(command)
  else if (command === 'import' || command === 'export') s.setDialog(command)
  else if (command === 'undo') void s.undo()
  else if (command === 'redo') void s.redo()
  else if (command === 'close-pane' && s.panes.length > 0) s.closePane(s.activePane)
})

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root')
createRoot(root).render(
  <StrictMode>
    <StoreProvider store={store} api={api}>
      <App />
    </StoreProvider>
  </StrictMode>
)
