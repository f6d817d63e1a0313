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
import { pageCommandContext, runCommand } from './state/commands'
import { reportDesktopState } from './state/desktop-state'
import './styles.css'
import './features.css'
import './components/review/review.css'
import { applyTheme, onThemeChoice, storedTheme } from './theme'

// The theme the user chose (Settings) is on the page before anything renders, so it never flashes.
applyTheme(storedTheme())

// The only place that knows which transport carries the API.
const bridge = window.spanmark
const live = createLiveUpdates(createApiClient(bridge ? bridgeTransport(bridge) : httpTransport(undefined, webToken())))
const api = live.api
const store = createAppStore(api)
const i18n = createI18n()
// Changes other tabs and programs commit show up here as they happen.
live.connect(store, bridge ? bridgeEvents(bridge) : httpEvents(undefined, webToken()), bridge ? null : CLIENT_ID)

// The native menu runs the same command table as the in-app menus (state/commands.ts).
const commands = pageCommandContext(store, api)
bridge?.onCommand((command) => void runCommand(command, commands))
// The desktop app's menus follow the UI language; closing asks while an import runs (DropImport).
if (bridge) reportDesktopState(bridge, i18n)
// The desktop app's native parts (title bar, menus, file dialogs) follow the theme chosen in Settings.
if (bridge) {
  bridge.reportState({ theme: storedTheme() })
  onThemeChoice((theme) => bridge.reportState({ theme }))
}

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
