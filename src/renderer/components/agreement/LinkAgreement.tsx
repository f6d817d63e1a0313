import type { LinkScores, RelationsReport } from '../../../shared/agreement'
import { fmt } from './format'
import { useT } from '../../use-t'

/** Links (meeting → participant, date, place): exact F1 over (meeting, role, argument) triples, overall and per role. */
export function LinkAgreement({ relations, annotators }: { relations: RelationsReport; annotators: readonly string[] }) {
  const t = useT()
  const row = (role: string, name: string, s: LinkScores) => (
    <tr key={role} data-role={role}>
      <th scope="row">{name}</th>
      <td>{fmt(s.exact_f1)}</td>
      <td>{annotators.map((a) => s.links[a] ?? 0).join(' / ')}</td>
      <td>{s.pairs.map((p) => p.matched).join(' / ')}</td>
    </tr>
  )
  return (
    <table className="scores" aria-label={t('agreement:links')}>
      <caption>{t('agreement:linksCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('agreement:role')}</th>
          <th scope="col">{t('agreement:exactF1')}</th>
          <th scope="col">{t('agreement:linksOf', { names: annotators.join(' / ') })}</th>
          <th scope="col">{t('agreement:matched')}</th>
        </tr>
      </thead>
      <tbody>
        {row('All roles', t('agreement:allRoles'), relations)}
        {Object.entries(relations.roles).map(([role, s]) => row(role, role, s))}
      </tbody>
    </table>
  )
}
