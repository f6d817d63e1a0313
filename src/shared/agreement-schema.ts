import { z } from 'zod'
import type { AgreementReport } from './agreement'

/** Validates an agreement report crossing a transport (the shapes are documented in agreement/types.ts). */
const score = z.number().nullable()
const scores = { exact_f1: score, overlap_f1: score, kappa: score, alpha_u: score }
const counts = z.record(z.string(), z.number())
const pair = z.object({
  ...scores,
  a: z.string(),
  b: z.string(),
  spans_a: z.number(),
  spans_b: z.number(),
  exact_matches: z.number(),
  overlap_matches: z.number()
})
const linkScores = {
  exact_f1: score,
  links: counts,
  pairs: z.array(z.object({ a: z.string(), b: z.string(), exact_f1: score, links_a: z.number(), links_b: z.number(), matched: z.number() }))
}
const matrix = z.record(z.string(), z.record(z.string(), z.number()))

export const agreementReportSchema: z.ZodType<AgreementReport> = z.object({
  annotators: z.array(z.string()),
  pairs: z.array(pair),
  overall: z.object({ ...scores, spans: counts, documents: z.number(), characters: z.number(), non_whitespace: z.number() }),
  labels: z.record(z.string(), z.object({ ...scores, spans: counts, pairs: z.array(pair) })),
  confusion: z.object({ labels: z.array(z.string()), counts: matrix, pairs: z.array(z.object({ a: z.string(), b: z.string(), counts: matrix })) }),
  documents: z.array(z.object({ ...scores, id: z.string(), characters: z.number(), spans: counts })),
  relations: z.object({ ...linkScores, roles: z.record(z.string(), z.object(linkScores)) }).optional()
})
