import { lazy, Suspense, useEffect, useMemo } from 'react'
import { AnnotatorDialog } from './components/AnnotatorDialog'
import type { LabelStyles } from './components/Block'
import { DatasetDialog } from './components/DatasetDialog'
import { DropImport } from './components/DropImport'
import { ExportDialog } from './components/ExportDialog'
import { ImportDialog } from './components/ImportDialog'
import { LabelBar } from './components/LabelBar'
import { LabelsDialog } from './components/labels/LabelsDialog'
import { MeetingsDialog } from './components/MeetingsDialog'
import { MergeDialog } from './components/MergeDialog'
import { OccurrencesDialog } from './components/OccurrencesDialog'
import { RestoreDialog } from './components/RestoreDialog'
import { SettingsDialog } from './components/SettingsDialog'
import { ShortcutsDialog } from './components/ShortcutsDialog'
import { SkipLink } from './components/SkipLink'
import { PaneArea } from './components/PaneArea'
import { Sidebar } from './components/Sidebar'
import { StatusBar } from './components/StatusBar'
import { TopBar } from './components/TopBar'
import { useApp, useAppStore } from './state/context'
import { createShortcutHandler } from './state/shortcuts'

// The Agreement screen brings a charting library: load it when first opened.
const AgreementDialog = lazy(() => import('./components/agreement/AgreementDialog').then((m) => ({ default: m.AgreementDialog })))

export function App() {
  const store = useAppStore()
  const ready = useApp((s) => s.ready)
  const dialog = useApp((s) => s.dialog)
  const labels = useApp((s) => s.labels)
  const labelStyles = useMemo<LabelStyles>(() => ({ byKey: new Map(labels.map((l) => [l.key, l])) }), [labels])

  useEffect(() => {
    void store.getState().init()
    const onKey = createShortcutHandler(store)
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [store])

  return (
    <div className="app" data-ready={ready ? 'true' : 'false'}>
      <SkipLink />
      <TopBar />
      <LabelBar />
      <div className="workspace">
        <Sidebar />
        <PaneArea labels={labelStyles} />
      </div>
      <StatusBar />
      <DropImport />
      {dialog === 'annotator' && <AnnotatorDialog />}
      {dialog === 'import' && <ImportDialog />}
      {dialog === 'export' && <ExportDialog />}
      {dialog === 'merge' && <MergeDialog />}
      {dialog === 'dataset' && <DatasetDialog />}
      {dialog === 'restore' && <RestoreDialog />}
      {dialog === 'occurrences' && <OccurrencesDialog />}
      {dialog === 'meetings' && <MeetingsDialog />}
      {dialog === 'labels' && <LabelsDialog />}
      {dialog === 'shortcuts' && <ShortcutsDialog />}
      {dialog === 'settings' && <SettingsDialog />}
      {dialog === 'agreement' && (
        <Suspense fallback={null}>
          <AgreementDialog />
        </Suspense>
      )}
    </div>
  )
}
