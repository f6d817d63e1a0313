import { Fragment, useMemo } from 'react'
import { Group, Panel, Separator } from 'react-resizable-panels'
import { useApp } from '../state/context'
import type { LabelStyles } from './Block'
import { PaneView } from './PaneView'
import { useT } from '../use-t'

/**
 * The narrowest a pane may be: its text column keeps 30 characters a line (styles.css,
 * --text-column-min); a review pane also holds its panel (at most 42% of the pane).
 */
const PANE_MIN_PX = 30 * 15 + 2 * 18 + 2 * 10 + 6
const REVIEW_PANE_MIN_PX = Math.ceil(PANE_MIN_PX / 0.58)

/** Two to four documents side by side in resizable panes. */
export function PaneArea({ labels }: { labels: LabelStyles }) {
  const panes = useApp((s) => s.panes)
  const sizes = useApp((s) => s.sizes)
  const setSizes = useApp((s) => s.setSizes)
  const groupKey = panes.map((p) => p.key).join(',')
  const t = useT()
  // The group remounts when panes open or close; sizes apply on mount.
  const defaultLayout = useMemo(
    () => Object.fromEntries(panes.map((p, i) => [p.key, sizes[i] ?? 100 / panes.length])),
    [groupKey]
  )

  if (panes.length === 0) {
    return (
      <main className="pane-area empty" aria-label={t('pane:area.empty')}>
        <p>{t('pane:area.emptyHint')}</p>
      </main>
    )
  }
  return (
    <main className="pane-area" aria-label={t('pane:area.open')}>
      <Group
        key={groupKey}
        orientation="horizontal"
        defaultLayout={defaultLayout}
        onLayoutChanged={(layout) => setSizes(panes.map((p) => layout[p.key] ?? 100 / panes.length))}
      >
        {panes.map((pane, i) => (
          <Fragment key={pane.key}>
            {i > 0 && <Separator className="pane-separator" aria-label={t('pane:area.resize', { left: i, right: i + 1 })} />}
            {/* The library copies id into data-testid unless given one; keep "pane-<index>" for the pane itself. */}
            <Panel id={pane.key} data-testid={`pane-panel-${i}`} minSize={pane.review ? REVIEW_PANE_MIN_PX : PANE_MIN_PX} className="pane-panel">
              <PaneView pane={pane} index={i} labels={labels} />
            </Panel>
          </Fragment>
        ))}
      </Group>
    </main>
  )
}
