// Packs the five packages with pnpm (which rewrites `workspace:^`) and reads each tarball the
// way npm will: its package.json, its file list, and the bare imports its dist files make.
import { readdirSync } from "node:fs"
import { join } from "node:path"
import { run } from "./proc"

/** The browser packages: each gets a scratch app. Any other package packed is only read. */
export const PACKAGES = ["core", "react", "vue", "svelte", "solid"] as const
export type PackageId = (typeof PACKAGES)[number]

export interface Manifest {
  name: string
  version: string
  main?: string
  types?: string
  exports?: unknown
  dependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
}

export interface Tarball {
  /** The name without `@multisession/`. */
  id: string
  file: string
  manifest: Manifest
  /** Paths inside the tarball, without the leading `package/`. */
  files: string[]
}

/**
 * Packs `packages/*` into `dest` with one `pnpm pack` run.
 *
 * @example
 * await packAll("/work/main", "/tmp/packs")
 */
export async function packAll(repo: string, dest: string): Promise<void> {
  const pnpm = ["-y", "pnpm@10.34.9", "-r", "--filter", "./packages/*", "pack"]
  const result = await run("npx", [...pnpm, "--pack-destination", dest], { cwd: repo })
  if (result.code !== 0) throw new Error(`pnpm pack failed:\n${result.output}`)
}

/**
 * Reads every tarball in `dir`; the browser packages must be among them.
 *
 * @example
 * const tarballs = await readTarballs("/tmp/packs")
 */
export async function readTarballs(dir: string): Promise<Tarball[]> {
  const names = readdirSync(dir).filter((name) => name.endsWith(".tgz"))
  const tarballs = await Promise.all(
    names.map(async (name) => {
      const file = join(dir, name)
      const [manifest, list] = await Promise.all([
        run("tar", ["-xzOf", file, "package/package.json"]),
        run("tar", ["-tzf", file]),
      ])
      if (manifest.code !== 0 || list.code !== 0) {
        throw new Error(`Cannot read ${file}: ${manifest.output}${list.output}`)
      }
      const files = list.output
        .split("\n")
        .filter(Boolean)
        .map((path) => path.replace(/^package\//, ""))
      const parsed = JSON.parse(manifest.output) as Manifest
      return { id: parsed.name.replace(/^@multisession\//, ""), file, manifest: parsed, files }
    }),
  )
  const missing = PACKAGES.filter((id) => !tarballs.some((t) => t.id === id))
  if (missing.length) {
    throw new Error(
      `No tarball for ${missing.map((id) => `@multisession/${id}`).join(", ")} in ${dir}`,
    )
  }
  return tarballs
}

/**
 * What is wrong with the tarballs as published: `workspace:` ranges left in, a binding not
 * depending on this core version, an `exports`/`main`/`types` path missing from the tarball,
 * a bare import in `dist` that is neither a dependency nor a peer, peer ranges that disagree.
 *
 * @example
 * for (const problem of await tarballProblems(tarballs)) console.log(problem)
 */
export async function tarballProblems(tarballs: Tarball[]): Promise<string[]> {
  const problems: string[] = []
  const core = tarballs.find((t) => t.id === "core")?.manifest
  const peerRanges = new Set<string>()
  for (const { id, file, manifest, files } of tarballs) {
    const at = `@multisession/${id}`
    if (JSON.stringify(manifest).includes("workspace:")) {
      problems.push(`${at}: its package.json still says "workspace:"`)
    }
    const binding = id !== "core" && (PACKAGES as readonly string[]).includes(id)
    if (binding && manifest.dependencies?.["@multisession/core"] !== `^${core?.version}`) {
      const found = manifest.dependencies?.["@multisession/core"] ?? "nothing"
      problems.push(`${at}: depends on @multisession/core ${found}, not ^${core?.version}`)
    }
    const range = manifest.peerDependencies?.["better-auth"]
    if (!range) problems.push(`${at}: no peer dependency on better-auth`)
    else peerRanges.add(range)

    for (const target of [manifest.main, manifest.types, ...exportTargets(manifest.exports)]) {
      if (target === undefined || target.includes("*")) continue
      if (!files.includes(target.replace(/^\.\//, ""))) {
        problems.push(`${at}: package.json points at ${target}, which is not in the tarball`)
      }
    }

    const declared = new Set([
      manifest.name,
      ...Object.keys(manifest.dependencies ?? {}),
      ...Object.keys(manifest.peerDependencies ?? {}),
    ])
    const code = files.filter((path) => /^dist\/.*\.(m|c)?(js|ts)$/.test(path))
    for (const path of code) {
      const text = await run("tar", ["-xzOf", file, `package/${path}`])
      for (const specifier of bareImports(text.output)) {
        if (!declared.has(packageName(specifier))) {
          problems.push(`${at}: ${path} imports "${specifier}", not a dependency nor a peer`)
        }
      }
    }
  }
  if (peerRanges.size > 1) {
    problems.push(
      `the packages disagree on better-auth's peer range: ${[...peerRanges].join(", ")}`,
    )
  }
  return problems
}

function exportTargets(value: unknown): string[] {
  if (typeof value === "string") return [value]
  if (value === null || typeof value !== "object") return []
  return Object.values(value).flatMap(exportTargets)
}

/** Bare specifiers of `import`/`export … from`, `import()` and `require()`; comments skipped. */
function bareImports(source: string): Set<string> {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "")
  const found = new Set<string>()
  const patterns = [
    /(?:^|[\s;}])(?:import|export)\s[^'"]*?\sfrom\s*["']([^"']+)["']/g,
    /(?:^|[\s;}])import\s*["']([^"']+)["']/g,
    /\b(?:import|require)\(\s*["']([^"']+)["']\s*\)/g,
  ]
  for (const pattern of patterns) {
    for (const match of code.matchAll(pattern)) {
      const specifier = match[1] as string
      if (!specifier.startsWith(".") && !specifier.startsWith("node:")) found.add(specifier)
    }
  }
  return found
}

function packageName(specifier: string): string {
  const parts = specifier.split("/")
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] as string)
}

/**
 * The lowest version a simple range allows: `^1.7.0`, `~1.7.0`, `>=1.7.0`, `1.7.0`.
 *
 * @example
 * lowestVersion("^1.7.0") // "1.7.0"
 */
export function lowestVersion(range: string): string {
  const match = /^(?:\^|~|>=\s*)?(\d+\.\d+\.\d+)(?:\s*<\s*\S+)?$/.exec(range.trim())
  if (!match?.[1]) {
    throw new Error(`Cannot tell the lowest version of "${range}": pass --better-auth=<versions>`)
  }
  return match[1]
}
