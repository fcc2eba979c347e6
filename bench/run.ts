// `pnpm bench`: every measurement in order on one machine, then BENCHMARKS.md. A step that
// fails does not stop the others; the report still gets written, and the exit code says so.
import { spawnSync } from "node:child_process"
import { existsSync, rmSync } from "node:fs"
import { join } from "node:path"
import { bin } from "./lib/bin"
import { RESULTS_DIR, writeResult } from "./lib/results"

const BENCH = import.meta.dirname
const ROOT = join(BENCH, "..")
const missing = ["core", "react", "vue", "svelte", "solid"].filter(
  (name) => !existsSync(join(ROOT, "packages", name, "dist/index.js")),
)
if (missing.length) {
  console.error(
    `bench: packages/{${missing.join(",")}}/dist is missing. Build first: npx -y pnpm@10.34.9 build`,
  )
  process.exit(1)
}

rmSync(RESULTS_DIR, { recursive: true, force: true })

const steps = [
  { name: "bytes", command: [bin("tsx"), "bytes.ts"] },
  {
    name: "requests, renders, memory",
    command: [bin("vitest"), "run", "--config", "vitest.config.ts"],
  },
  { name: "latency and tabs", command: [bin("tsx"), "latency.ts"] },
]

const started = Date.now()
const ran: { name: string; seconds: number; ok: boolean }[] = []
for (const step of steps) {
  console.log(`\n▶ ${step.name}`)
  const start = Date.now()
  const [command, ...args] = step.command as [string, ...string[]]
  const { status } = spawnSync(command, args, { cwd: BENCH, stdio: "inherit" })
  ran.push({ name: step.name, seconds: (Date.now() - start) / 1000, ok: status === 0 })
}
writeResult("run", { steps: ran, seconds: (Date.now() - started) / 1000 })

console.log("\n▶ report")
const report = spawnSync(bin("tsx"), ["report.ts"], { cwd: BENCH, stdio: "inherit" })
const failed = ran.filter((step) => !step.ok).map((step) => step.name)
if (report.status !== 0) failed.push("report (a count check failed)")
console.log(`\nbench: ${((Date.now() - started) / 1000).toFixed(0)} s`)
if (failed.length) {
  console.error(`bench: failed: ${failed.join("; ")}`)
  process.exit(1)
}
