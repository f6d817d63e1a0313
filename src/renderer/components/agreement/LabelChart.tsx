import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { AgreementReport } from '../../../shared/agreement'
import type { LabelDef } from '../../../shared/domain'
import { useT } from '../../use-t'

/** Exact and overlap F1 per label as grouped bars (recharts: SVG, so the numbers stay readable and accessible). */
export function LabelChart({ report, labels }: { report: AgreementReport; labels: readonly LabelDef[] }) {
  const t = useT()
  const data = Object.entries(report.labels).map(([key, s]) => ({
    label: labels.find((l) => l.key === key)?.name ?? key,
    exact: s.exact_f1 ?? 0,
    overlap: s.overlap_f1 ?? 0,
    kappa: s.kappa ?? 0
  }))
  return (
    <figure className="agreement-chart" aria-label={t('agreement:perLabel')}>
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" />
          <YAxis domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(3) : String(v))} />
          <Legend />
          <Bar dataKey="exact" name={t('agreement:exactF1')} fill="#1971c2" isAnimationActive={false} />
          <Bar dataKey="overlap" name={t('agreement:overlapF1')} fill="#74c0fc" isAnimationActive={false} />
          <Bar dataKey="kappa" name="κ" fill="#9c36b5" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
      <figcaption className="hint">{t('agreement:perLabelCaption')}</figcaption>
    </figure>
  )
}
