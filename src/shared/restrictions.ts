/**
 * Publishers mark text that must not be used to train models, e.g. "무단 전재,
 * 재배포 및 AI학습 이용 금지" (seed 003) or "AI 학습 활용 금지". Such documents are
 * flagged restricted on import; datasets leave them out unless asked to include
 * them. `export` is never filtered.
 */
const PATTERNS: readonly RegExp[] = [
  /(?:AI|인공\s*지능)\s*(?:학습|훈련)[^\n.]{0,16}?(?:금지|불가|금함)/iu,
  /(?:not|never)\s+(?:be\s+)?used?\s+(?:to|for)\s+(?:train|training)\b[^\n]{0,20}\b(?:AI|models?|machine learning)/iu,
  /\b(?:no|prohibit(?:s|ed)?)\s+(?:AI|machine[- ]learning)\s+training\b/iu
]

/** The phrase that forbids AI-training use, or null. */
export function findTrainingRestriction(text: string): string | null {
  for (const re of PATTERNS) {
    const m = re.exec(text)
    if (m) return m[0].trim()
  }
  return null
}
