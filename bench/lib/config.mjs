// Sizes and repetitions. Full: the targets. Quick: the same measurements on small data,
// few repetitions (CI runs it so the harness never rots; it asserts no timings).
export const CONFIG = {
  full: {
    long: {
      length: 1_000_000, // characters (the seeds are BMP-only: = UTF-16 units = code points)
      spans: 20_000,
      limit: 60_000, // ms a system gets to open the document; past it the limit is recorded
      openRuns: 8, // measured navigations per system, after one warm-up round
      jumpRuns: 8,
      labelWarmup: 5,
      labelRuns: 20
    },
    corpus: {
      docs: 10_000,
      chars: 25_000_000,
      spansPerDoc: 25, // per annotator: 500,000 spans over two annotators
      importRuns: 2,
      cliRuns: 3, // export, export floor, agreement
      sidebarRuns: 5,
      scrollRuns: 5,
      openWarmup: 3,
      openRuns: 20,
      limit: 60_000
    },
    core: { quick: false }, // every bench in bench/core.bench.ts, vitest's default sampling
    dataset: { sentences: 4000, importRuns: 3 } // the whole KLUE sample (../shared/data)
  },
  quick: {
    long: { length: 210_000, spans: 4_200, limit: 20_000, openRuns: 2, jumpRuns: 2, labelWarmup: 2, labelRuns: 5 },
    corpus: {
      docs: 400,
      chars: 1_000_000,
      spansPerDoc: 25,
      importRuns: 1,
      cliRuns: 1,
      sidebarRuns: 2,
      scrollRuns: 2,
      openWarmup: 1,
      openRuns: 5,
      limit: 20_000
    },
    core: { quick: true }, // the same benches, SPANMARK_BENCH_QUICK=1: 100 ms each
    dataset: { sentences: 300, importRuns: 1 }
  }
}
