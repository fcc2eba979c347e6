// Runs a command to the end and keeps what it printed, for the report to show on failure.
import { spawn } from "node:child_process"

export interface RunResult {
  code: number
  /** stdout and stderr, interleaved as they came. */
  output: string
  seconds: number
}

export interface RunOptions {
  cwd?: string
  env?: NodeJS.ProcessEnv
  /** Killed after this long; default 5 minutes. */
  timeoutMs?: number
}

/**
 * Runs `command args` and resolves with its exit code and output; never rejects.
 *
 * @example
 * const { code, output } = await run("npm", ["install"], { cwd: app })
 */
export function run(command: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
  const started = performance.now()
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
    })
    const chunks: Buffer[] = []
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk))
    child.stderr.on("data", (chunk: Buffer) => chunks.push(chunk))
    const timer = setTimeout(() => {
      chunks.push(Buffer.from(`\n(killed after ${options.timeoutMs ?? 300_000} ms)\n`))
      child.kill("SIGKILL")
    }, options.timeoutMs ?? 300_000)
    const finish = (code: number) => {
      clearTimeout(timer)
      const seconds = (performance.now() - started) / 1000
      resolve({ code, output: Buffer.concat(chunks).toString("utf8"), seconds })
    }
    child.on("error", (error) => {
      chunks.push(Buffer.from(String(error)))
      finish(127)
    })
    child.on("close", (code) => finish(code ?? 1))
  })
}

/**
 * Runs the tasks at most `limit` at a time and resolves with their results in order.
 *
 * @example
 * const results = await pooled(2, builds.map((build) => () => build()))
 */
export async function pooled<T>(limit: number, tasks: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array(tasks.length)
  let next = 0
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++
      results[index] = await (tasks[index] as () => Promise<T>)()
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker))
  return results
}
