// The Node core: bench/core.bench.ts through vitest bench (it runs the TypeScript sources;
// there is no built library entry), its JSON output read back. Every bench of the file goes
// into the results; quick mode samples each for 100 ms (SPANMARK_BENCH_QUICK=1).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { timeProcess } from '../lib/cli.mjs'
import { ROOT } from '../lib/servers.mjs'

export async function coreSuite({ cfg, tmp, results, log }) {
  const out = join(tmp, 'vitest-bench.json')
  const args = [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'bench', '--run', '--config', 'vitest.bench.mts', '--outputJson', out]
  await timeProcess(args, { env: cfg.core.quick ? { SPANMARK_BENCH_QUICK: '1' } : {} })
  const report = JSON.parse(readFileSync(out, 'utf8'))
  let found = 0
  for (const file of report.files)
    for (const group of file.groups)
      for (const b of group.benchmarks) {
        found++
        const note = `vitest bench: ${b.sampleCount} samples, mean ${b.mean.toFixed(3)} ms, rme ±${b.rme.toFixed(1)}%`
        results.add({ name: `core: ${b.name} (median)`, system: 'spanmark', value: b.median, unit: 'ms', n: b.sampleCount, note })
        results.add({ name: `core: ${b.name} (p99)`, system: 'spanmark', value: b.p99, unit: 'ms', n: b.sampleCount })
        log(`  ${b.name}: median ${b.median.toFixed(3)} ms`)
      }
  if (!results.metrics.some((m) => m.name.startsWith('core: create one span'))) throw new Error(`vitest bench reported no "create one span" (${found} benches)`)
}
