import type { StoreApi } from 'zustand/vanilla'
import type { MutationResult, Session } from '../../shared/api'
import type { DocSummary, LabelDef } from '../../shared/domain'
import type { QueueOptions } from './mutation-queue'
import type { DocSlot, Pane } from './slots'
import type { Status } from './status'
import type { Reveal } from '../text/reveal'

/** The shape of one window's app store: its state and the actions that change it (app-store.ts implements them). */
export type Dialog = null | 'import' | 'export' | 'annotator' | 'merge' | 'agreement' | 'dataset' | 'restore' | 'occurrences' | 'meetings' | 'labels' | 'settings' | 'shortcuts'

export interface AppState {
  ready: boolean
  session: Session | null
  labels: LabelDef[]
  annotator: string | null
  documents: DocSummary[]
  docs: Record<string, DocSlot>
  panes: Pane[]
  sizes: number[]
  activePane: number
  selected: { docId: string; spanId: number } | null
  status: Status
  dialog: Dialog
  /** Bumped after every committed change, so review panes refetch their comparison. */
  reviewVersion: number
  /** Text the active pane should scroll to and select (search hits; see text/reveal.ts). */
  reveal: Reveal | null
}

export interface AppActions {
  init(): Promise<void>
  setAnnotator(name: string): Promise<void>
  /** Turns particle trimming on or off (a preference of the user, kept across projects). */
  setTrimParticles(on: boolean): Promise<void>
  /** Turns snapping selections to whole words on or off (a preference of the user, beside particle trimming). */
  setSnapWords(on: boolean): Promise<void>
  openDoc(docId: string, opts?: { newPane?: boolean; review?: string[] }): void
  /** Opens docId (in the active pane, or beside) and has it scroll to [start, end) in code points and select that text. */
  revealRange(docId: string, start: number, end: number, opts?: { newPane?: boolean }): void
  setPaneLayer(index: number, layer: string | null): void
  setPaneReview(index: number, annotators: string[] | null): void
  /**
   * Queues a call that commits a change as the current annotator (sent after the replies of the
   * changes queued before it; see mutation-queue.ts) and applies its result everywhere.
   */
  mutate(
    call: (annotator: string) => Promise<MutationResult>,
    select?: (r: MutationResult) => AppState['selected'],
    options?: QueueOptions
  ): Promise<MutationResult | null>
  closePane(index: number): void
  setActivePane(index: number): void
  setSizes(sizes: number[]): void
  selectSpan(sel: { docId: string; spanId: number } | null): void
  labelRange(docId: string, start: number, end: number, label: string): Promise<void>
  relabelSelected(label: string): Promise<void>
  deleteSelected(): Promise<void>
  undo(): Promise<void>
  redo(): Promise<void>
  setDialog(dialog: Dialog): void
  setStatus(status: Status): void
  refreshDocuments(): Promise<void>
  /** Applies changes committed elsewhere (another tab, another program; see live-updates.ts): panes, counts, review; deselects a span that is gone. */
  applyRemote(changes: MutationResult['changes']): void
}

export type AppStore = StoreApi<AppState & AppActions>
