import { useState, type CSSProperties } from 'react'
import { MISSING, type AgreementReport } from '../../../shared/agreement'
import type { LabelDef } from '../../../shared/domain'
import { useT } from '../../use-t'

/**
 * The label confusion matrix of one annotator pair as a heatmap: rows are the first annotator's
 * labels, columns the second's (both named on the axes), so a swap reads "minji said X, junho Y";
 * ∅ is a span the other one has no match for. With three or more annotators a select picks the pair.
 */
export function ConfusionHeatmap({ report, labels }: { report: AgreementReport; labels: readonly LabelDef[] }) {
  const t = useT()
  const [at, setAt] = useState(0)
  const pairs = report.confusion.pairs
  const pair = pairs[Math.min(at, pairs.length - 1)]
  if (!pair) return null
  const keys = report.confusion.labels
  const name = (k: string) => (k === MISSING ? t('agreement:none') : (labels.find((l) => l.key === k)?.name ?? k))
  const count = (r: string, c: string): number => pair.counts[r]?.[c] ?? 0
  const max = Math.max(1, ...keys.flatMap((r) => keys.map((c) => count(r, c))))
  return (
    <div className="heatmap-wrap">
      {pairs.length > 1 && (
        <label className="hint">
          {t('agreement:pair')}{' '}
          <select value={at} onChange={(e) => setAt(Number(e.target.value))} aria-label={t('agreement:heatmapPair')}>
            {pairs.map((p, i) => (
              <option key={`${p.a}/${p.b}`} value={i}>
                {p.a} / {p.b}
              </option>
            ))}
          </select>
        </label>
      )}
      <table className="heatmap" aria-label={t('agreement:confusion')} data-rows={pair.a} data-cols={pair.b}>
        <caption className="hint">{t('agreement:confusionAxes', { rows: pair.a, cols: pair.b })}</caption>
        <thead>
          <tr>
            <th scope="col" className="heatmap-corner" />
            <th scope="colgroup" colSpan={keys.length} className="heatmap-axis">
              {t('agreement:columnsAxis', { name: pair.b })}
            </th>
          </tr>
          <tr>
            <th scope="col" className="heatmap-axis">
              {t('agreement:rowsAxis', { name: pair.a })}
            </th>
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
                const n = count(r, c)
                const tone = r === c ? '36 115 52' : '201 42 42'
                // At most half strength, so the number in the theme's text colour keeps a 4.5:1 contrast in both themes.
                const style = { background: `rgb(${tone} / ${n === 0 ? 0 : 0.08 + 0.42 * (n / max)})` } as CSSProperties
                return (
                  <td key={c} style={style} data-row={r} data-col={c} title={t('agreement:cellTitle', { n, rows: pair.a, row: name(r), cols: pair.b, col: name(c) })}>
                    {n}
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
