// Runs tsc, vue-tsc and svelte-check on generated tsconfigs and reads their diagnostics.
import { spawn } from "node:child_process"
import { readFileSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, join, relative, resolve, sep } from "node:path"
import type { Kind } from "./extract.ts"
import { writeProject } from "./scratch.ts"

export interface Diagnostic {
  /** Absolute path, or null for a message about no file (bad config, crash). */
  file: string | null
  /** 1-based. */
  line: number
  column: number
  text: string
}

/** Where each compiler is a devDependency; the first that resolves wins. */
const TOOLS: Record<Kind, { pkg: string; bin: string; from: string[] }> = {
  ts: { pkg: "typescript", bin: "tsc", from: ["."] },
  vue: { pkg: "vue-tsc", bin: "vue-tsc", from: ["packages/vue", "examples/vue", "."] },
  svelte: {
    pkg: "svelte-check",
    bin: "svelte-check",
    from: ["packages/svelte", "examples/svelte", "."],
  },
}

/**
 * Checks these block files (one per block folder) with the kind's compiler. tsc and vue-tsc
 * report only syntax errors while any file has one, so the blocks that failed are set aside and
 * the rest checked again, until a run finds nothing new: one run when everything compiles.
 */
export async function check(
  repo: string,
  root: string,
  kind: Kind,
  files: string[],
): Promise<Diagnostic[]> {
  const all: Diagnostic[] = []
  let left = files
  while (left.length > 0) {
    const diagnostics = await run(repo, kind, writeProject(repo, root, kind, left))
    all.push(...diagnostics)
    const failed = new Set(diagnostics.map((d) => d.file && relative(root, d.file).split(sep)[0]))
    const rest = left.filter((file) => !failed.has(relative(root, file).split(sep)[0]))
    if (kind === "svelte" || rest.length === left.length || diagnostics.length === 0) break
    left = rest
  }
  return all
}

async function run(repo: string, kind: Kind, project: string): Promise<Diagnostic[]> {
  const bin = resolveBin(repo, kind)
  const cwd = dirname(project)
  const args =
    kind === "svelte"
      ? ["--workspace", cwd, "--tsconfig", project, "--output", "machine-verbose"]
      : ["-p", project, "--noEmit", "--pretty", "false"]
  const out = await node(bin, args, cwd)
  const diagnostics =
    kind === "svelte" ? parseSvelteCheck(out.stdout, cwd) : parseTsc(out.stdout, cwd)
  if (out.code !== 0 && diagnostics.length === 0) {
    const text = `${TOOLS[kind].bin} exited with ${out.code}\n${out.stdout}${out.stderr}`.trim()
    diagnostics.push({ file: null, line: 0, column: 0, text })
  }
  return diagnostics
}

function resolveBin(repo: string, kind: Kind): string {
  const { pkg, bin, from } = TOOLS[kind]
  for (const dir of from) {
    try {
      const manifest = createRequire(join(repo, dir, "package.json")).resolve(`${pkg}/package.json`)
      const json = JSON.parse(readFileSync(manifest, "utf8")) as {
        bin?: string | Record<string, string>
      }
      const path = typeof json.bin === "string" ? json.bin : json.bin?.[bin]
      if (path) return join(dirname(manifest), path)
    } catch {
      // not a dependency there: try the next place
    }
  }
  throw new Error(`readme-check: ${pkg} not found (looked in ${from.join(", ")}); run pnpm install`)
}

function node(bin: string, args: string[], cwd: string) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((done, fail) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd,
      env: { ...process.env, FORCE_COLOR: "0" },
    })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (chunk) => {
      stdout += chunk
    })
    child.stderr.on("data", (chunk) => {
      stderr += chunk
    })
    child.on("error", fail)
    child.on("close", (code) => done({ code: code ?? 1, stdout, stderr }))
  })
}

/** `file(line,col): error TS2304: message`, continuation lines indented. */
function parseTsc(out: string, cwd: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  for (const line of out.split(/\r?\n/)) {
    const located = /^(.+?)\((\d+),(\d+)\): (error|warning) (TS\d+: .*)$/.exec(line)
    const global = /^(error|warning) (TS\d+: .*)$/.exec(line)
    const last = diagnostics.at(-1)
    if (located) {
      diagnostics.push({
        file: resolve(cwd, located[1] ?? ""),
        line: Number(located[2]),
        column: Number(located[3]),
        text: `${located[4]} ${located[5]}`,
      })
    } else if (global) {
      diagnostics.push({ file: null, line: 0, column: 0, text: `${global[1]} ${global[2]}` })
    } else if (last && line.trim() !== "") {
      last.text += `\n${line}`
    }
  }
  return diagnostics
}

/** `--output machine-verbose`: `<time> {"type":"ERROR","filename":…,"start":{"line":0,…}}`. */
function parseSvelteCheck(out: string, cwd: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  for (const line of out.split(/\r?\n/)) {
    const json = /^\d+ (\{.*\})$/.exec(line)?.[1]
    if (!json) continue
    const d = JSON.parse(json) as {
      type: string
      filename: string
      start?: { line: number; character: number }
      message: string
      code?: string | number
      source?: string
    }
    const code = d.code === undefined ? "" : ` ${d.source === "ts" ? "TS" : ""}${d.code}`
    diagnostics.push({
      file: resolve(cwd, d.filename),
      line: (d.start?.line ?? 0) + 1,
      column: (d.start?.character ?? 0) + 1,
      text: `${d.type.toLowerCase()}${code}: ${d.message}`,
    })
  }
  return diagnostics
}
