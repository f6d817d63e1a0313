/**
 * Inter-annotator agreement for the review feature: exact and overlap F1, Cohen's kappa
 * over characters, Krippendorff's alpha_u, a label confusion matrix, per-document scores.
 */
export * from './types'
export { computeAgreement } from './compute'
export { formatAgreementTable, formatScore, type FormatOptions } from './format'
export { unitizingDisagreement, type Interval } from './alpha-u'
export { relationAgreement, linkKey } from './relations'
