import type { MutationResult } from '../../shared/api'
import { MAX_PANES } from '../../shared/domain'
import type { Pane } from './slots'

/** Where to show the document an undo or redo changed: nothing to do, a pane to activate, or a document to open (beside, when there is room). */
export type ShowChange = { kind: 'none' } | { kind: 'activate'; index: number } | { kind: 'open'; docId: string; newPane: boolean }

/**
 * After undo/redo (issue 15): the change is shown where the person can see it. The active pane
 * already showing one of its documents (any layer, or reviewing it) is enough; else another pane
 * showing one becomes active (one in the person's own layer first); else the first document opens
 * beside the others (in the active pane when there are MAX_PANES already).
 */
export function showChange(panes: readonly Pane[], activePane: number, docIds: readonly string[] | undefined): ShowChange {
  if (!docIds || docIds.length === 0) return { kind: 'none' }
  const shows = (p: Pane | undefined): boolean => p !== undefined && docIds.includes(p.docId)
  if (shows(panes[activePane])) return { kind: 'none' }
  const own = panes.findIndex((p) => shows(p) && !p.review && p.layer === null)
  const other = own >= 0 ? own : panes.findIndex(shows)
  if (other >= 0) return { kind: 'activate', index: other }
  return { kind: 'open', docId: docIds[0] as string, newPane: panes.length > 0 && panes.length < MAX_PANES }
}

/** After undo/redo: shows the document of the change it applied (see showChange). */
export function showChangedDoc(
  app: { panes: Pane[]; activePane: number; setActivePane(index: number): void; openDoc(docId: string, opts: { newPane: boolean }): void },
  r: MutationResult | null
): void {
  const to = r?.applied ? showChange(app.panes, app.activePane, r.docIds) : { kind: 'none' as const }
  if (to.kind === 'activate') app.setActivePane(to.index)
  else if (to.kind === 'open') app.openDoc(to.docId, { newPane: to.newPane })
}
