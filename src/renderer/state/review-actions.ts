import type { MutationResult, SpanmarkApi } from '../../shared/api'
import type { SpanState } from '../../shared/domain'
import type { ReviewStatus } from '../../shared/layers'
import type { AppStore } from './app-store'
import { say } from './status'
import { errorText } from '../error-text'

/** Review decisions, made as the current annotator (the reviewer); each is one undoable step. */
export function reviewActions(store: AppStore, api: SpanmarkApi) {
  const s = () => store.getState()
  /** A decision also moves an unreviewed document to "in review": the sidebar shows it. */
  const decide = async (call: (reviewer: string) => Promise<MutationResult>): Promise<void> => {
    const result = await s().mutate(call)
    if (result?.applied) await s().refreshDocuments()
  }
  return {
    /** replace: the person confirmed replacing gold's other label for this range; editedFrom: the candidate this is an edit of. */
    accept: (docId: string, span: SpanState, sources: string[], opts: { replace?: boolean; editedFrom?: SpanState } = {}) =>
      decide((reviewer) =>
        api.acceptCandidate({
          reviewer,
          docId,
          start: span.start,
          end: span.end,
          label: span.label,
          sources,
          ...(opts.replace ? { replace: true } : {}),
          ...(opts.editedFrom ? { editedFrom: pick(opts.editedFrom) } : {})
        })
      ),
    reject: (docId: string, span: SpanState) =>
      decide((reviewer) => api.rejectCandidate({ reviewer, docId, start: span.start, end: span.end, label: span.label })),
    acceptAgreed: (docId: string, annotators: string[]) => decide((reviewer) => api.acceptAgreed({ reviewer, docId, annotators })),
    acceptLink: (docId: string, link: { from: SpanState; to: SpanState; type: string }) =>
      decide((reviewer) => api.acceptLink({ reviewer, docId, from: pick(link.from), to: pick(link.to), type: link.type })),
    /** annotators: whose differences count as undecided; force: the person confirmed marking reviewed with some undecided. */
    async setStatus(docId: string, status: ReviewStatus, opts: { annotators?: string[]; force?: boolean } = {}): Promise<void> {
      const reviewer = s().annotator
      if (!reviewer) return
      try {
        await api.setReviewStatus({ reviewer, docId, status, ...(opts.annotators ? { annotators: opts.annotators } : {}), ...(opts.force ? { force: true } : {}) })
        // Review panes refetch their view (which carries the status) when this is bumped.
        store.setState((st) => ({ reviewVersion: st.reviewVersion + 1 }))
        s().setStatus({ kind: 'info', message: say(`status:reviewMarked.${status}`, { docId }) })
        await s().refreshDocuments()
      } catch (err) {
        s().setStatus({ kind: 'error', message: errorText(err) })
      }
    }
  }
}

export type ReviewActions = ReturnType<typeof reviewActions>

function pick(s: SpanState): SpanState {
  return { start: s.start, end: s.end, label: s.label }
}
