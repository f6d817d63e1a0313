import type { CSSProperties } from 'react'
import { MISSING, type AgreementReport } from '../../../shared/agreement'
import type { LabelDef } from '../../../shared/domain'
import { useT } from '../../use-t'

/** The label confusion matrix as a heatmap: which labels annotators swap, and which spans one of them missed (∅). */
export function ConfusionHeatmap({ report, labels }: { report: AgreementReport; labels: readonly LabelDef[] }) {
  const t = useT()
  const keys = report.confusion.labels
  const name = (k: string) => (k === MISSING ? t('agreement:none') : (labels.find((l) => l.key === k)?.name ?? k))
  const max = Math.max(1, ...keys.flatMap((r) => keys.map((c) => report.confusion.counts[r]?.[c] ?? 0)))
  return (
    <table className="heatmap" aria-label={t('agreement:confusion')}>
      <caption className="hint">{t('agreement:confusionCaption')}</caption>
      <thead>
        <tr>
          <th scope="col" />
          {keys.map((k) => (
            <th key={k} scope="col">
              {name(k)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {keys.map((r) => (
          <tr key={r}>
            <th scope="row">{name(r)}</th>
            {keys.map((c) => {
              const n = report.confusion.counts[r]?.[c] ?? 0
              const tone = r === c ? '36 115 52' : '201 42 42'
              // At most half strength, so the number in the theme's text colour keeps a 4.5:1 contrast in both themes.
              const style = { background: `rgb(${tone} / ${n === 0 ? 0 : 0.08 + 0.42 * (n / max)})` } as CSSProperties
              return (
                <td key={c} style={style} data-row={r} data-col={c}>
                  {n}
                </td>
              )
            })}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
