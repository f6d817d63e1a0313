import type { LinkScores, RelationsReport } from '../../../shared/agreement'
import { fmt } from './format'

/** Links (meeting → participant, date, place): exact F1 over (meeting, role, argument) triples, overall and per role. */
export function LinkAgreement({ relations, annotators }: { relations: RelationsReport; annotators: readonly string[] }) {
  const row = (name: string, s: LinkScores) => (
    <tr key={name} data-role={name}>
      <th scope="row">{name}</th>
      <td>{fmt(s.exact_f1)}</td>
      <td>{annotators.map((a) => s.links[a] ?? 0).join(' / ')}</td>
      <td>{s.pairs.map((p) => p.matched).join(' / ')}</td>
    </tr>
  )
  return (
    <table className="scores" aria-label="Agreement on links">
      <caption>Links: exact F1 over (meeting, role, argument) triples, mean over pairs</caption>
      <thead>
        <tr>
          <th scope="col">Role</th>
          <th scope="col">Exact F1</th>
          <th scope="col">Links ({annotators.join(' / ')})</th>
          <th scope="col">Matched (per pair)</th>
        </tr>
      </thead>
      <tbody>
        {row('All roles', relations)}
        {Object.entries(relations.roles).map(([role, s]) => row(role, s))}
      </tbody>
    </table>
  )
}
