// Every measurement writes one JSON file; report.ts turns them into BENCHMARKS.md.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"

/** bench/.out (git-ignored): bundles, compiled components, results. */
export const OUT_DIR = join(import.meta.dirname, "..", ".out")
export const RESULTS_DIR = join(OUT_DIR, "results")

/**
 * Writes `bench/.out/results/<name>.json`.
 *
 * @example
 * writeResult("bytes", { entries })
 */
export function writeResult(name: string, data: unknown): void {
  mkdirSync(RESULTS_DIR, { recursive: true })
  writeFileSync(join(RESULTS_DIR, `${name}.json`), `${JSON.stringify(data, null, 2)}\n`)
}

/**
 * Reads a result written by `writeResult`, or `null` when that part did not run.
 *
 * @example
 * const bytes = readResult<BytesResult>("bytes")
 */
export function readResult<T>(name: string): T | null {
  try {
    return JSON.parse(readFileSync(join(RESULTS_DIR, `${name}.json`), "utf8")) as T
  } catch {
    return null
  }
}
