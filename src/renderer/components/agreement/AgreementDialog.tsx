import { useEffect, useMemo, useState } from 'react'
import type { AgreementReport } from '../../../shared/agreement'
import { REJECTED } from '../../../shared/layers'
import { useApi, useApp } from '../../state/context'
import { Modal } from '../Modal'
import { ConfusionHeatmap } from './ConfusionHeatmap'
import { fmt } from './format'
import { LabelChart } from './LabelChart'
import { LinkAgreement } from './LinkAgreement'
import { useT } from '../../use-t'
import { useErrorText } from '../../ui-text'

/** The Agreement screen: how reliable the labels are, per label, per pair and per document (worst first). */
export function AgreementDialog() {
  const api = useApi()
  const documents = useApp((s) => s.documents)
  const labels = useApp((s) => s.labels)
  const setDialog = useApp((s) => s.setDialog)
  const openDoc = useApp((s) => s.openDoc)
  const layers = useMemo(() => [...new Set(documents.flatMap((d) => d.layers.map((l) => l.annotator)))].filter((a) => a !== REJECTED).sort(), [documents])
  const [chosen, setChosen] = useState<string[]>(() => layers.filter((a) => a !== 'gold'))
  const [scope, setScope] = useState('')
  const [report, setReport] = useState<AgreementReport | null>(null)
  const [error, setError] = useState<string | null>(null)
  const t = useT()
  const showError = useErrorText()

  useEffect(() => {
    if (chosen.length < 2) {
      setReport(null)
      return
    }
    setError(null)
    api.getAgreement({ annotators: chosen, ...(scope ? { docId: scope } : {}) }).then(setReport, (e: unknown) => setError(showError(e)))
  }, [api, chosen, scope])

  const toggle = (a: string) => setChosen((c) => (c.includes(a) ? c.filter((x) => x !== a) : [...c, a]))
  const review = (docId: string) => {
    setDialog(null)
    openDoc(docId, { newPane: true, review: chosen })
  }

  return (
    <Modal title={t('agreement:title')} onClose={() => setDialog(null)}>
      <div className="agreement">
        <fieldset className="agreement-controls">
          <legend>{t('agreement:annotators')}</legend>
          {layers.map((a) => (
            <label key={a}>
              <input type="checkbox" checked={chosen.includes(a)} onChange={() => toggle(a)} /> {a}
            </label>
          ))}
          <label>
            {t('agreement:documents')}{' '}
            <select aria-label={t('agreement:documentsMeasured')} value={scope} onChange={(e) => setScope(e.target.value)}>
              <option value="">{t('agreement:allDocuments')}</option>
              {documents.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.id}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        {chosen.length < 2 && <p className="hint">{t('agreement:pickTwo')}</p>}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {report && (
          <>
            <dl className="agreement-overall" data-testid="agreement-overall">
              {(
                [
                  [t('agreement:exactF1'), report.overall.exact_f1],
                  [t('agreement:overlapF1'), report.overall.overlap_f1],
                  [t('agreement:kappaChars'), report.overall.kappa],
                  [t('agreement:alphaU'), report.overall.alpha_u]
                ] as const
              ).map(([name, value]) => (
                <div key={name}>
                  <dt>{name}</dt>
                  <dd>{fmt(value)}</dd>
                </div>
              ))}
            </dl>
            <table className="scores" aria-label={t('agreement:byPair')}>
              <thead>
                <tr>
                  <th scope="col">{t('agreement:pair')}</th>
                  <th scope="col">{t('agreement:exactF1')}</th>
                  <th scope="col">{t('agreement:overlapF1')}</th>
                  <th scope="col">κ</th>
                  <th scope="col">αu</th>
                  <th scope="col">{t('agreement:spans')}</th>
                  <th scope="col">{t('agreement:exactMatches')}</th>
                </tr>
              </thead>
              <tbody>
                {report.pairs.map((p) => (
                  <tr key={`${p.a}/${p.b}`}>
                    <th scope="row">
                      {p.a} / {p.b}
                    </th>
                    <td>{fmt(p.exact_f1)}</td>
                    <td>{fmt(p.overlap_f1)}</td>
                    <td>{fmt(p.kappa)}</td>
                    <td>{fmt(p.alpha_u)}</td>
                    <td>
                      {p.spans_a} / {p.spans_b}
                    </td>
                    <td>{p.exact_matches}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {report.relations && <LinkAgreement relations={report.relations} annotators={report.annotators} />}
            <div className="agreement-figures">
              <LabelChart report={report} labels={labels} />
              <ConfusionHeatmap report={report} labels={labels} />
            </div>
            <table className="scores" aria-label={t('agreement:byDocument')}>
              <thead>
                <tr>
                  <th scope="col">{t('agreement:document')}</th>
                  <th scope="col">{t('agreement:exactF1')}</th>
                  <th scope="col">{t('agreement:overlapF1')}</th>
                  <th scope="col">κ</th>
                  <th scope="col">αu</th>
                  <th scope="col">{t('agreement:spansOf', { names: chosen.join(' / ') })}</th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {report.documents.map((d) => (
                  <tr key={d.id} data-doc={d.id}>
                    <th scope="row">{d.id}</th>
                    <td>{fmt(d.exact_f1)}</td>
                    <td>{fmt(d.overlap_f1)}</td>
                    <td>{fmt(d.kappa)}</td>
                    <td>{fmt(d.alpha_u)}</td>
                    <td>{chosen.map((a) => d.spans[a] ?? 0).join(' / ')}</td>
                    <td>
                      <button type="button" className="small-button" onClick={() => review(d.id)}>
                        {t('agreement:reviewDoc', { docId: d.id })}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </div>
      <div className="modal-actions">
        <button type="button" onClick={() => setDialog(null)}>
          {t('common:close')}
        </button>
      </div>
    </Modal>
  )
}
