import { checkColor } from '../../../shared/labels/rules'

/**
 * Colours a new label may start with: distinct hues that pass the colour rule (3:1 against both
 * theme backgrounds, src/shared/labels/rules.ts), then hues around the wheel as a fallback.
 */
const PALETTE = ['#e03131', '#0c8599', '#6741d9', '#c2255c', '#5c940d', '#e8590c', '#1971c2', '#2b8a3e', '#ae3ec9', '#d9480f', '#862e9c', '#087f5b', '#a61e4d', '#364fc7', '#b35c00']

function hsl(h: number, s: number, l: number): string {
  const f = (n: number): string => {
    const k = (n + h / 30) % 12
    const a = s * Math.min(l, 1 - l)
    const c = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))
    return Math.round(c * 255)
      .toString(16)
      .padStart(2, '0')
  }
  return `#${f(0)}${f(8)}${f(4)}`
}

const CANDIDATES = [...PALETTE, ...Array.from({ length: 24 }, (_, i) => hsl(i * 15, 0.7, 0.42))].filter((c) => checkColor(c) === null)

function rgb(color: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16)) as [number, number, number]
}

/** Distance of two #rrggbb colours (red-weighted Euclidean, a cheap approximation of how different they look). */
export function colourDistance(a: string, b: string): number {
  const [r1, g1, b1] = rgb(a.toLowerCase())
  const [r2, g2, b2] = rgb(b.toLowerCase())
  const r = (r1 + r2) / 2
  return Math.sqrt((2 + r / 256) * (r1 - r2) ** 2 + 4 * (g1 - g2) ** 2 + (2 + (255 - r) / 256) * (b1 - b2) ** 2)
}

/**
 * The colour a new label starts with: the candidate farthest from every colour the project's labels
 * already use (the first such in palette order), so a new label never looks like an existing one.
 */
export function nextLabelColour(existing: readonly string[]): string {
  const used = existing.filter((c) => /^#[0-9a-fA-F]{6}$/.test(c))
  let best = CANDIDATES[0] as string
  let bestDistance = -1
  for (const c of CANDIDATES) {
    const d = used.length === 0 ? Infinity : Math.min(...used.map((u) => colourDistance(c, u)))
    if (d > bestDistance) {
      best = c
      bestDistance = d
    }
  }
  return best
}
