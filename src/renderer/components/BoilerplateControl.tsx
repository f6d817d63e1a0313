import { useApp, useAppStore } from '../state/context'
import { markSelection } from '../state/overlays'
import { useOverlays, useOverlayStore } from '../state/use-overlays'
import { useT } from '../use-t'

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
  const t = useT()
  const { setPreview, acceptRegions, unmarkRegion } = store.getState()
  if (!annotator) return null
  const n = suggested.length

  return (
    <span className="boilerplate-control" data-testid={`boilerplate-${docId}`}>
      {ignored > 0 && (
        <span className="badge ignored-count" title={t('pane:boilerplate.ignoredTitle')}>
          {t('pane:boilerplate.ignored', { count: ignored })}
        </span>
      )}
      {n > 0 && (
        <button
          type="button"
          className="small-button"
          aria-pressed={preview}
          title={t('pane:boilerplate.suggestedTitle')}
          onClick={() => setPreview(docId, !preview)}
        >
          {t('pane:boilerplate.suggested', { count: n })}
        </button>
      )}
      {preview && n > 0 && (
        <>
          <button type="button" className="small-button" onClick={() => void acceptRegions(docId, suggested)}>
            {t('pane:boilerplate.acceptAll', { count: n })}
          </button>
          <button type="button" className="small-button" onClick={() => setPreview(docId, false)}>
            {t('pane:boilerplate.dismiss')}
          </button>
        </>
      )}
      {active !== null ? (
        <button type="button" className="small-button" onClick={() => void unmarkRegion(active)}>
          {t('pane:boilerplate.unmark')}
        </button>
      ) : (
        <button
          type="button"
          className="small-button"
          title={t('pane:boilerplate.markTitle')}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => markSelection(app, store)}
        >
          {t('pane:boilerplate.mark')}
        </button>
      )}
    </span>
  )
}
