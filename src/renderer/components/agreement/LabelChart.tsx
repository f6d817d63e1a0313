import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { AgreementReport } from '../../../shared/agreement'
import type { LabelDef } from '../../../shared/domain'

/** Exact and overlap F1 per label as grouped bars (recharts: SVG, so the numbers stay readable and accessible). */
export function LabelChart({ report, labels }: { report: AgreementReport; labels: readonly LabelDef[] }) {
  const data = Object.entries(report.labels).map(([key, s]) => ({
    label: labels.find((l) => l.key === key)?.name ?? key,
    'Exact F1': s.exact_f1 ?? 0,
    'Overlap F1': s.overlap_f1 ?? 0,
    κ: s.kappa ?? 0
  }))
  return (
    <figure className="agreement-chart" aria-label="Agreement per label">
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" />
          <YAxis domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(3) : String(v))} />
          <Legend />
          <Bar dataKey="Exact F1" fill="#1971c2" isAnimationActive={false} />
          <Bar dataKey="Overlap F1" fill="#74c0fc" isAnimationActive={false} />
          <Bar dataKey="κ" fill="#9c36b5" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
      <figcaption className="hint">Per label: exact-match F1, overlap F1 and Cohen’s κ (mean over annotator pairs).</figcaption>
    </figure>
  )
}
