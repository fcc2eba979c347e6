// `pnpm --filter @multisession/bench check`, in the test command: the bench's short form.
// It runs the requests measurement (each operation once, ours and the baseline, on the real
// server) and its exact count checks, and writes no BENCHMARKS.md; `pnpm bench` does that.
import { spawnSync } from "node:child_process"
import { bin } from "./lib/bin"
import { type RequestsResult, requestChecks } from "./lib/checks"
import { RESULTS_DIR, readResult } from "./lib/results"

const BENCH = import.meta.dirname

const started = Date.now()
const run = spawnSync(
  bin("vitest"),
  ["run", "--config", "vitest.config.ts", "requests.bench-run.tsx"],
  {
    cwd: BENCH,
    stdio: ["ignore", "pipe", "inherit"],
  },
)
const result = readResult<RequestsResult>("requests")
const checks = result ? requestChecks(result.rows) : [{ name: "requests measured", ok: false }]
const failed = checks.filter((check) => !check.ok)
for (const check of failed) console.error(`❌ ${check.name}`)
console.log(
  `bench check: ${checks.length - failed.length}/${checks.length} request counts hold ` +
    `(${((Date.now() - started) / 1000).toFixed(0)} s; results in ${RESULTS_DIR})`,
)
if (run.status !== 0 || failed.length) {
  if (run.status !== 0) console.error(run.stdout.toString())
  process.exit(1)
}
