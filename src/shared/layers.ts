/**
 * Layer names. Every annotator has a layer named after them; two names are
 * reserved for review: the reviewed gold layer, which the dataset export uses,
 * and the reviewer's rejections (kept as a layer so they are undoable and recorded
 * in the history like any span).
 */
export const GOLD = 'gold'
export const REJECTED = 'gold:rejected'

export function isReservedLayer(name: string): boolean {
  return name === GOLD || name.startsWith('gold:')
}

export const REVIEW_STATUSES = ['unreviewed', 'in_review', 'reviewed'] as const
export type ReviewStatus = (typeof REVIEW_STATUSES)[number]

export const REVIEW_STATUS_NAMES: Record<ReviewStatus, string> = {
  unreviewed: 'Unreviewed',
  in_review: 'In review',
  reviewed: 'Reviewed'
}
