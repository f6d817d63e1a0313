import { useApp, useAppStore } from '../state/context'
import { markSelection } from '../state/overlays'
import { useOverlays, useOverlayStore } from '../state/use-overlays'

const NONE: never[] = []

/**
 * The pane header's control for text that is not article text: how many
 * regions the detector suggests (one click previews them dashed grey in the
 * text, where a click accepts one), Accept all, Dismiss; marking the selection
 * by hand (Shift+I); and Unmark for an ignored region that was clicked.
 */
export function BoilerplateControl({ docId }: { docId: string }) {
  const app = useAppStore()
  const store = useOverlayStore()
  const suggested = useOverlays((s) => s.byDoc[docId]?.suggestedRegions ?? NONE)
  const ignored = useOverlays((s) => s.byDoc[docId]?.regions.length ?? 0)
  const preview = useOverlays((s) => s.preview[docId] === true)
  const active = useOverlays((s) => (s.activeRegion?.docId === docId ? s.activeRegion.id : null))
  const annotator = useApp((s) => s.annotator)
  const { setPreview, acceptRegions, unmarkRegion } = store.getState()
  if (!annotator) return null
  const n = suggested.length

  return (
    <span className="boilerplate-control" data-testid={`boilerplate-${docId}`}>
      {ignored > 0 && (
        <span className="badge ignored-count" title="Regions marked as not article text: greyed, cannot be labelled, left out of token datasets">
          {ignored === 1 ? '1 ignored region' : `${ignored} ignored regions`}
        </span>
      )}
      {n > 0 && (
        <button
          type="button"
          className="small-button"
          aria-pressed={preview}
          title="Regions that look like menus, related headlines, copyright or newsletter text. Click to show them in the text."
          onClick={() => setPreview(docId, !preview)}
        >
          {n === 1 ? '1 suggested region' : `${n} suggested regions`}
        </button>
      )}
      {preview && n > 0 && (
        <>
          <button type="button" className="small-button" onClick={() => void acceptRegions(docId, suggested)}>
            Accept all ({n})
          </button>
          <button type="button" className="small-button" onClick={() => setPreview(docId, false)}>
            Dismiss
          </button>
        </>
      )}
      {active !== null ? (
        <button type="button" className="small-button" onClick={() => void unmarkRegion(active)}>
          Unmark region
        </button>
      ) : (
        <button
          type="button"
          className="small-button"
          title="Mark the selected text as not article text (Shift+I)"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => markSelection(app, store)}
        >
          Not article text
        </button>
      )}
    </span>
  )
}
