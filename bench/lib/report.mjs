// Collects metrics and renders bench/results/latest.md: every measurement with the ratios of
// Spanmark to the floor and to each peer, then the targets and whether they hold.

export const SYSTEMS = [
  ['spanmark', 'Spanmark'],
  ['floor', 'Floor'],
  ['label-studio', 'Label Studio'],
  ['recogito', 'Recogito']
]
const PEERS = SYSTEMS.slice(1)
const HIGHER_IS_BETTER = new Set(['docs/s', 'MB/s'])

export class Results {
  metrics = []
  /** { name, system, value, unit, n?, timedOut?, note? } */
  add(metric) {
    const m = { ...metric }
    if (typeof m.value === 'number') m.value = Math.round(m.value * 1000) / 1000
    this.metrics.push(m)
  }
}

const find = (metrics, name, system = 'spanmark') => metrics.find((m) => m.name === name && m.system === system)

/** The issue's targets; each returns { measured, holds } or null when its metric is missing. */
export const TARGETS = [
  {
    target: 'KLUE sample: every sentence round-trips exactly (import --format klue, dataset --format klue)',
    check: (ms) => {
      const m = find(ms, 'dataset: KLUE round trip, sentences given back exactly')
      return m ? { measured: fmt(m), holds: m.value === 100 } : null
    }
  },
  {
    target: 'KLUE sample: ≥ 99% of entities written exactly with morph tokens',
    check: (ms) => {
      const m = find(ms, 'dataset: KLUE entities written exactly, morph tokens')
      return m ? { measured: fmt(m), holds: m.value >= 99 } : null
    }
  },
  {
    target: 'Long document opens ≤ 1.5× the floor',
    check: (ms) => {
      const s = find(ms, 'long doc: open → labelled text painted (median)')
      const f = find(ms, 'long doc: open → labelled text painted (median)', 'floor')
      if (!s || !f) return null
      return { measured: `${fmt(s)} vs floor ${fmt(f)} (${ratio(s.value, f.value)})`, holds: !s.timedOut && s.value <= 1.5 * f.value }
    }
  },
  ...['label-studio', 'recogito'].map((peer) => ({
    target: `Long document opens faster than ${PEERS.find(([k]) => k === peer)[1]}`,
    check: (ms) => {
      const s = find(ms, 'long doc: open → labelled text painted (median)')
      const p = find(ms, 'long doc: open → labelled text painted (median)', peer)
      if (!s || !p) return null
      return { measured: `${fmt(s)} vs ${fmt(p)}`, holds: !s.timedOut && (p.timedOut ? s.value < p.value : s.value < p.value) }
    }
  })),
  {
    target: 'Long document paints after a click in the sidebar (no target time; the open targets above are page loads)',
    check: (ms) => {
      const m = find(ms, 'long doc: click in sidebar → labelled text painted (median)')
      return m ? { measured: fmt(m), holds: !m.timedOut } : null
    }
  },
  limit('Labelling ≤ 16 ms median', 'long doc: label (selection + hotkey → painted and saved) (median)', 16),
  limit('Labelling ≤ 33 ms p95', 'long doc: label (selection + hotkey → painted and saved) (p95)', 33),
  limit('Jump to the middle ≤ 100 ms (median)', 'long doc: jump to the middle → marks painted (median)', 100),
  limit('Jump to the end ≤ 100 ms (median)', 'long doc: jump to the end → marks painted (median)', 100),
  limit('JS heap < 200 MB with the long document in two panes', 'long doc: JS heap after GC, two panes', 200, true),
  limit('Corpus import ≤ 10 s', 'corpus: import, both annotators (CLI wall time) (median)', 10_000),
  {
    target: 'Export ≥ 50% of the floor’s throughput',
    check: (ms) => {
      const s = find(ms, 'corpus: export one layer, throughput (median)')
      const f = find(ms, 'corpus: export one layer, throughput (median)', 'floor')
      if (!s || !f) return null
      return { measured: `${fmt(s)} vs floor ${fmt(f)} (${pct(s.value, f.value)})`, holds: s.value >= 0.5 * f.value }
    }
  },
  limit('Agreement ≤ 2 s', 'corpus: agreement, two annotators (CLI --json wall time) (median)', 2_000),
  limit('Open any document ≤ 100 ms (median)', 'corpus: open any document, click → painted (median)', 100),
  limit('One span saved ≤ 1 ms (median)', 'core: create one span (committed, WAL, synchronous=FULL) (median)', 1)
]

function limit(target, name, max, strict = false) {
  return {
    target,
    check: (ms) => {
      const m = find(ms, name)
      if (!m) return null
      return { measured: fmt(m), holds: !m.timedOut && m.value !== null && (strict ? m.value < max : m.value <= max) }
    }
  }
}

function num(v, unit) {
  if (v === null || v === undefined || Number.isNaN(v)) return '–'
  const digits = unit === 'ms' ? (v < 10 ? 2 : v < 100 ? 1 : 0) : unit === 'MB' ? 1 : v < 10 ? 2 : v < 100 ? 1 : 0
  return v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
}

function fmt(m) {
  if (!m) return '–'
  if (m.timedOut) return m.value === null ? 'did not finish' : `≥ ${num(m.value, m.unit)} ${m.unit} (timed out)`
  return `${num(m.value, m.unit)} ${m.unit}`
}

function ratio(a, b) {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return '–'
  return `${(a / b).toLocaleString('en-US', { maximumFractionDigits: a / b < 10 ? 2 : 0 })}×`
}

function pct(a, b) {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return '–'
  return `${Math.round((a / b) * 100)}%`
}

/** Spanmark relative to another system: × for times and sizes (lower is better), % for throughputs. */
function relative(s, p) {
  if (!s || !p || s.value === null || p.value === null) return ''
  const r = HIGHER_IS_BETTER.has(s.unit) ? pct(s.value, p.value) : ratio(s.value, p.value)
  return p.timedOut ? `≤ ${r}` : s.timedOut ? `≥ ${r}` : r
}

export function renderMarkdown(report) {
  const { machine, date, metrics } = report
  const names = [...new Set(metrics.map((m) => m.name))]
  const lines = []
  lines.push(`# Spanmark benchmark (${machine.mode} run)`, '')
  lines.push(
    `${date.slice(0, 16).replace('T', ' ')} UTC · ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB · ${machine.os} · Node ${machine.node} · Chromium ${machine.chromium} (headless) · run took ${machine.runSeconds} s`,
    ''
  )
  const c = report.config
  lines.push(
    `Long document: ${c.long.length.toLocaleString('en-US')} characters of Korean (sentences of \`seeds/*.txt\`), ${c.long.spans.toLocaleString('en-US')} spans (about 10% overlapping). ` +
      `Corpus: ${c.corpus.docs.toLocaleString('en-US')} documents, ${c.corpus.chars.toLocaleString('en-US')} characters, ${(c.corpus.docs * c.corpus.spansPerDoc * 2).toLocaleString('en-US')} spans over two annotators. ` +
      'All data generated deterministically (seeded PRNG) by `bench/lib/data.mjs`.',
    ''
  )
  lines.push('## Results', '')
  lines.push(`| Measurement | n | ${SYSTEMS.map(([, t]) => t).join(' | ')} | ${PEERS.map(([k, t]) => `Spanmark vs ${k === 'floor' ? 'floor' : t}`).join(' | ')} |`)
  lines.push(`| --- | ---: | ${SYSTEMS.map(() => '---:').join(' | ')} | ${PEERS.map(() => '---:').join(' | ')} |`)
  for (const name of names) {
    const s = find(metrics, name)
    const cells = SYSTEMS.map(([k]) => fmt(find(metrics, name, k)).replace(/^–$/, ''))
    const rel = PEERS.map(([k]) => relative(s, find(metrics, name, k)))
    const n = [...new Set(metrics.filter((m) => m.name === name && m.n).map((m) => m.n))].join('/')
    lines.push(`| ${name} | ${n} | ${cells.join(' | ')} | ${rel.join(' | ')} |`)
  }
  lines.push('', 'Ratios are Spanmark ÷ the other system for times and sizes (below 1× is better), Spanmark as a percentage of the other for throughputs. ' +
    '"≥ … (timed out)": the system had not painted its highlights when the time limit passed; the limit is recorded as its value, so a ratio against it is a bound.', '')

  lines.push('## Targets', '')
  lines.push('| Target | Measured | Holds |', '| --- | --- | :---: |')
  for (const t of TARGETS) {
    const r = t.check(metrics)
    if (r) lines.push(`| ${t.target} | ${r.measured} | ${r.holds ? 'yes' : '**no**'} |`)
  }

  const notes = metrics.filter((m) => m.note)
  if (notes.length) {
    lines.push('', '## Notes', '')
    for (const m of notes) lines.push(`- ${m.name}, ${SYSTEMS.find(([k]) => k === m.system)?.[1] ?? m.system}: ${m.note}`)
  }
  lines.push('', '## How it is measured', '', ...HOW.map((l) => `- ${l}`), '')
  return lines.join('\n')
}

const HOW = [
  'Everything runs in one Debian Chromium (headless, via Playwright), viewport 1400×850; Spanmark in web mode (`spanmark serve`), the floor and the peers from a static server in `bench/lib/servers.mjs`; all on 127.0.0.1 with `Cache-Control: no-cache`.',
  'Times are `performance.now()` in the page. "Painted": an animation-frame loop checks the DOM; in the first frame where the condition holds, a task posted from that frame’s rAF callback reads the clock (it runs after the frame was rendered).',
  'Open → painted: a fresh browser context per run (no HTTP cache), from navigation start until the labelled text is painted: Spanmark restoring the pane with the document (its saved layout), the floor’s static page parsed, Label Studio’s `.htx-highlight` and Recogito’s `.r6o-annotation` elements present. One warm-up round, then the systems take turns each round.',
  'Peers: Label Studio 1.0.1 (npm `label-studio`, its prebuilt bundle) with `<Labels>` over `<Text>` and one annotation holding every span as a `labels` result; Recogito `@recogito/text-annotator` bundled by vite, `setAnnotations` with a TextQuoteSelector and a TextPositionSelector per span through its W3C adapter. Both fetch `{text, spans}` as JSON, as Spanmark fetches its API.',
  'Labelling: in the middle of the long document, three characters of unlabelled text are selected with a DOM Range and the PERSON hotkey is pressed (real key events); timed from the keydown event’s timestamp until a mark with a new `data-span-id` and `data-label="PERSON"` exists, the status line reads "Saved at …", and that frame is painted. The mark is drawn at once as a provisional mark (`data-pending`, optimistic painting) and measured separately ("provisional mark painted"); "painted and saved" waits for the saved mark, which needs the createSpan round trip to the server (SQLite commit) and then the next frame.',
  'Jumps: `.doc-scroll` is scrolled from the top to half its height / to the end; timed until blocks (`data-offset`) of that region (30–70% / last 5% of the text) with marks are painted.',
  'JS heap: `Performance.getMetrics` JSHeapUsedSize after two `HeapProfiler.collectGarbage` (Chromium runs with `--enable-precise-memory-info`; `performance.memory` is in the notes). MB = 10⁶ bytes. This is V8’s heap only: text held by the DOM (the floor’s whole document, Label Studio’s and Recogito’s text nodes) is in Blink’s heap and not counted.',
  'Corpus CLI numbers are wall times of the whole process (`node bin/spanmark.js …`). The export floor (`bench/lib/export-floor.mjs`) reads the same rows with better-sqlite3, `JSON.stringify`s one line per document and writes it, nothing else; throughput is documents per second for both.',
  'Sidebar: page load until the first `doc-item` is painted; scroll `.doc-list` to the end until the last document’s item is painted. Open any document: `click()` on a doc-item until its `doc-text` with marks is painted, documents picked by a seeded PRNG across the corpus.',
  'One span saved: `bench/core.bench.ts` (vitest bench, tinybench: median and p99 of many iterations).'
]
