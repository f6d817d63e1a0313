import type { CSSProperties } from 'react'
import { MISSING, type AgreementReport } from '../../../shared/agreement'
import type { LabelDef } from '../../../shared/domain'

/** The label confusion matrix as a heatmap: which labels annotators swap, and which spans one of them missed (∅). */
export function ConfusionHeatmap({ report, labels }: { report: AgreementReport; labels: readonly LabelDef[] }) {
  const keys = report.confusion.labels
  const name = (k: string) => (k === MISSING ? '∅ none' : (labels.find((l) => l.key === k)?.name ?? k))
  const max = Math.max(1, ...keys.flatMap((r) => keys.map((c) => report.confusion.counts[r]?.[c] ?? 0)))
  return (
    <table className="heatmap" aria-label="Label confusion matrix">
      <caption className="hint">Matched span pairs over all annotator pairs: the diagonal agrees, the rest are swaps or misses.</caption>
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
              const tone = r === c ? '43 138 62' : '224 49 49'
              const style = { background: `rgb(${tone} / ${n === 0 ? 0 : 0.12 + 0.78 * (n / max)})`, color: n / max > 0.55 ? '#fff' : undefined } as CSSProperties
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
