import { StrictMode } from 'react'
import { I18nextProvider } from 'react-i18next'
import { createRoot } from 'react-dom/client'
import { createApiClient } from '../shared/api-client'
import { App } from './App'
import { bridgeEvents, httpEvents } from './api/event-stream'
import { bridgeTransport, CLIENT_ID, httpTransport, webToken } from './api/transport'
import { createAppStore } from './state/app-store'
import { createI18n } from './i18n'
import { StoreProvider } from './state/context'
import { createLiveUpdates } from './state/live-updates'
import './styles.css'

// The only place that knows which transport carries the API.
const bridge = window.spanmark
const live = createLiveUpdates(createApiClient(bridge ? bridgeTransport(bridge) : httpTransport(undefined, webToken())))
const api = live.api
const store = createAppStore(api)
const i18n = createI18n()
// Changes other tabs and programs commit show up here as they happen.
live.connect(store, bridge ? bridgeEvents(bridge) : httpEvents(undefined, webToken()), bridge ? null : CLIENT_ID)

bridge?.onCommand((command) => {
  const s = store.getState()
  const focus = document.activeElement
  const typing = focus instanceof HTMLElement && (focus.isContentEditable || ['INPUT', 'TEXTAREA'].includes(focus.tagName))
  // On macOS the menu's Cmd+Z also fires while typing in a field: undo the typing there, not a span.
  if ((command === 'undo' || command === 'redo') && typing) document.execCommand(command)
  else if (command === 'import' || command === 'export' || command === 'restore') s.setDialog(command)
  else if (command === 'undo') void s.undo()
  else if (command === 'redo') void s.redo()
  else if (command === 'close-pane' && s.panes.length > 0) s.closePane(s.activePane)
})

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root')
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <StoreProvider store={store} api={api}>
        <App />
      </StoreProvider>
    </I18nextProvider>
  </StrictMode>
)
