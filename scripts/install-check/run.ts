// The packages as a user installs them: pack the five packages, install the tarballs with npm
// into a scratch app outside the workspace (once per better-auth version), type-check it, build
// it with Vite for each framework, and load each build once in Chromium against the real server.
//
//   npx tsx scripts/install-check/run.ts [--better-auth=1.7.25,1.7.0] [--packs=DIR] [--keep]
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs"
import { tmpdir } from "node:os"
import { join, relative, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { parseArgs } from "node:util"
import { gzipSync } from "node:zlib"
import { type BrowserSession, openBrowser } from "./browser"
import {
  lowestVersion,
  PACKAGES,
  type PackageId,
  packAll,
  readTarballs,
  type Tarball,
  tarballProblems,
} from "./pack"
import { pooled, type RunResult, run } from "./proc"

const REPO = fileURLToPath(new URL("../../", import.meta.url))
const TEMPLATE = fileURLToPath(new URL("./app/", import.meta.url))

/** What the scratch app installs besides the tarballs and better-auth: versions known to work on Node 20. */
const APP_DEPENDENCIES = {
  react: "19.3.1",
  "react-dom": "19.3.1",
  vue: "3.5.45",
  svelte: "5.57.3",
  "solid-js": "1.9.20",
}
const APP_DEV_DEPENDENCIES = {
  "@sveltejs/vite-plugin-svelte": "7.3.1",
  "@types/react": "19.3.0",
  "@types/react-dom": "19.3.0",
  "@vitejs/plugin-react": "6.3.0",
  "@vitejs/plugin-vue": "6.0.11",
  "svelte-check": "4.7.8",
  typescript: "5.9.3",
  vite: "8.3.8",
  "vite-plugin-solid": "2.11.14",
  "vue-tsc": "3.3.14",
}

interface Outcome {
  ok: boolean
  /** The short text for the summary line. */
  note: string
  /** What went wrong, printed under the summary. */
  detail?: string
}

interface VersionReport {
  version: string
  install: Outcome
  types: Record<"tsc" | "vue-tsc" | "svelte-check", Outcome>
  apps: Partial<Record<PackageId, { build: Outcome; browser?: Outcome }>>
}

const { values: args } = parseArgs({
  options: {
    "better-auth": { type: "string" },
    packs: { type: "string" },
    keep: { type: "boolean", default: false },
  },
})

const started = performance.now()
const WATCHDOG_MS = 10 * 60_000
setTimeout(() => {
  console.log(`install-check: FAILED, still running after ${WATCHDOG_MS / 60_000} minutes`)
  process.exit(1)
}, WATCHDOG_MS).unref()
const work = mkdtempSync(join(tmpdir(), "multisession-install-check-"))
let failed = false
let browser: BrowserSession | undefined

try {
  // 1. The tarballs, as `npm publish` would upload them.
  const packs = args.packs ? resolve(args.packs) : join(work, "packs")
  if (!args.packs) {
    mkdirSync(packs)
    await packAll(REPO, packs)
  }
  const tarballs = await readTarballs(packs)
  const problems = await tarballProblems(tarballs)
  const core = tarballs.find((t) => t.id === "core") as Tarball
  const peerRange = core.manifest.peerDependencies?.["better-auth"] ?? "?"
  const versions = args["better-auth"]?.split(",") ?? defaultVersions(peerRange)
  console.log(
    `install-check: packed @multisession/ ${tarballs.map((t) => t.id).join(", ")} ${core.manifest.version}` +
      ` (core ^${core.manifest.version}, peer better-auth ${peerRange}); better-auth ${versions.join(", ")}`,
  )
  if (problems.length) {
    failed = true
    console.log(`  tarballs ✗\n${indent(problems.join("\n"))}`)
  }

  // 2. One scratch app per better-auth version, installed side by side.
  const apps = versions.map((version) => join(work, `better-auth-${version}`))
  const installs = versions.map((version, i) => install(apps[i] as string, version, tarballs))

  for (const [i, version] of versions.entries()) {
    const app = apps[i] as string
    const report: VersionReport = {
      version,
      install: await (installs[i] as Promise<Outcome>),
      types: { tsc: skipped(), "vue-tsc": skipped(), "svelte-check": skipped() },
      apps: {},
    }
    if (report.install.ok) {
      // 3. Types and builds.
      const [tsc, vueTsc, svelteCheck] = await Promise.all([
        typeCheck(app, "tsc", ["-p", "tsconfig.json"], tscErrors),
        typeCheck(app, "vue-tsc", ["-p", "vue/tsconfig.json"], tscErrors),
        typeCheck(
          app,
          "svelte-check",
          [
            "--workspace",
            "svelte",
            "--tsconfig",
            join(app, "svelte/tsconfig.json"),
            "--fail-on-warnings",
          ],
          (result) => (result.code === 0 ? [] : [result.output.trim()]),
        ),
      ])
      report.types = { tsc, "vue-tsc": vueTsc, "svelte-check": svelteCheck }
      const builds = await pooled(
        2,
        PACKAGES.map((id) => () => build(join(app, id))),
      )
      // 4. Each build in Chromium against the example server.
      for (const [j, id] of PACKAGES.entries()) {
        const built = builds[j] as Outcome
        report.apps[id] = { build: built }
        if (!built.ok) continue
        browser ??= await openBrowser(REPO)
        report.apps[id].browser = await attempt(() =>
          (browser as BrowserSession).check(join(app, id, "dist")),
        )
      }
    }
    failed = printReport(report) || failed
  }
} catch (error) {
  failed = true
  console.log(`install-check ✗ ${error instanceof Error ? error.message : String(error)}`)
} finally {
  await browser?.close()
}

const seconds = ((performance.now() - started) / 1000).toFixed(0)
if (failed || args.keep) console.log(`install-check: the scratch apps are in ${work}`)
else rmSync(work, { recursive: true, force: true })
console.log(
  failed ? `install-check: FAILED (${seconds} s)` : `install-check: passed (${seconds} s)`,
)
// Nothing this run started may keep it alive (a CI job would hang instead of failing).
process.exit(failed ? 1 : 0)

/** Each framework's folder in the template. */
function frameworkDirs(): string[] {
  return readdirSync(TEMPLATE, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
}

/** The one page every framework's app is built from: only its title and entry differ. */
function writePage(dir: string, framework: string): void {
  const entry = existsSync(join(dir, "main.tsx")) ? "main.tsx" : "main.ts"
  const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <title>install-check · ${framework}</title>
  </head>
  <body>
    <div id="root"></div>
    <script type="module" src="./${entry}"></script>
  </body>
</html>
`
  writeFileSync(join(dir, "index.html"), html)
}

/** The version the repository develops against, and the lowest the peer range allows. */
function defaultVersions(peerRange: string): string[] {
  const corePackage = JSON.parse(readFileSync(join(REPO, "packages/core/package.json"), "utf8"))
  const current: string = corePackage.devDependencies["better-auth"]
  const lowest = lowestVersion(peerRange)
  return current === lowest ? [current] : [current, lowest]
}

/** Copies the template, writes its package.json and runs `npm install` there. */
async function install(app: string, version: string, tarballs: Tarball[]): Promise<Outcome> {
  cpSync(TEMPLATE, app, { recursive: true })
  for (const framework of frameworkDirs()) writePage(join(app, framework), framework)
  const tarballDependencies = Object.fromEntries(
    tarballs
      .filter((t) => (PACKAGES as readonly string[]).includes(t.id))
      .map((t) => [t.manifest.name, `file:${relative(app, t.file)}`]),
  )
  const manifest = {
    name: "install-check-app",
    private: true,
    type: "module",
    dependencies: { ...tarballDependencies, "better-auth": version, ...APP_DEPENDENCIES },
    devDependencies: APP_DEV_DEPENDENCIES,
  }
  writeFileSync(join(app, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`)
  const result = await run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], {
    cwd: app,
    env: npmEnv(),
  })
  if (result.code !== 0) return failure("npm install failed", result.output)

  // The bindings' `@multisession/core ^x` must be the tarball, not something from the registry.
  const lock = JSON.parse(readFileSync(join(app, "package-lock.json"), "utf8"))
  const packages: Record<string, { version?: string; resolved?: string }> = lock.packages
  const wrong = Object.entries(packages).filter(
    ([path, entry]) =>
      path.includes("node_modules/@multisession/") && !entry.resolved?.startsWith("file:"),
  )
  if (wrong.length) {
    return failure("a package came from the registry", wrong.map(([path]) => path).join("\n"))
  }
  const installed = packages["node_modules/better-auth"]?.version
  if (installed !== version) return failure(`better-auth ${installed} installed, not ${version}`)
  const count = Object.keys(packages).length - 1
  return { ok: true, note: `${count} packages in ${result.seconds.toFixed(1)} s` }
}

/** npm run from here must not take pnpm's settings for a `pnpm check:install` run as its own. */
function npmEnv(): NodeJS.ProcessEnv {
  const keep = new Set(["npm_config_cache", "npm_config_registry", "npm_config_userconfig"])
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^npm_/i.test(key) || keep.has(key.toLowerCase()),
    ),
  )
}

async function typeCheck(
  app: string,
  bin: string,
  binArgs: string[],
  errors: (result: RunResult) => string[],
): Promise<Outcome> {
  const result = await run(join(app, "node_modules/.bin", bin), binArgs, { cwd: app })
  const found = errors(result)
  if (found.length) return failure(`${bin} failed`, found.join("\n"))
  return { ok: true, note: `${result.seconds.toFixed(1)} s` }
}

/**
 * tsc's and vue-tsc's errors that count: in the app's own files and in @multisession's types.
 * The app checks with `skipLibCheck: false`, and better-auth's own declarations do not pass
 * it (they import `bun:sqlite`, `node:sqlite`, `node:async_hooks` without the types for them):
 * those errors are not this project's to fix, so they are left out.
 */
function tscErrors(result: RunResult): string[] {
  // An error is its `file(line,col): error TSxxxx` line and the indented lines under it.
  const errors: string[] = []
  for (const line of result.output.split("\n")) {
    if (/error TS\d+/.test(line) && !/^\s/.test(line)) errors.push(line)
    else if (errors.length && /^\s/.test(line)) errors[errors.length - 1] += `\n${line}`
  }
  if (result.code !== 0 && errors.length === 0)
    return [result.output.trim() || "failed, saying nothing"]
  const ours = (error: string) =>
    !error.startsWith("node_modules/") || error.startsWith("node_modules/@multisession/")
  return errors.filter(ours)
}

async function build(dir: string): Promise<Outcome> {
  const result = await run(
    join(dir, "..", "node_modules/.bin/vite"),
    ["build", "--logLevel", "warn"],
    {
      cwd: dir,
    },
  )
  if (result.code !== 0) return failure("vite build failed", result.output)
  const assets = join(dir, "dist", "assets")
  const js = readdirSync(assets).filter((name) => name.endsWith(".js"))
  const gzipped = js.reduce(
    (sum, name) => sum + gzipSync(readFileSync(join(assets, name))).length,
    0,
  )
  return { ok: true, note: `${(gzipped / 1024).toFixed(1)} kB gz` }
}

async function attempt(action: () => Promise<void>): Promise<Outcome> {
  try {
    await action()
    return { ok: true, note: "2 accounts, switch, reload" }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const [first, ...rest] = message.split("\n")
    return failure(first ?? "failed", rest.join("\n"))
  }
}

function printReport(report: VersionReport): boolean {
  const mark = (outcome: Outcome) => (outcome.ok ? `✓ ${outcome.note}` : `✗ ${outcome.note}`)
  const lines: string[] = []
  const details: string[] = []
  const add = (label: string, outcome: Outcome) => {
    if (!outcome.ok && outcome.detail)
      details.push(`${label}: ${outcome.note}\n${indent(tail(outcome.detail))}`)
    return outcome.ok
  }
  let ok = add("npm install", report.install)
  lines.push(`better-auth ${report.version}: npm install ${mark(report.install)}`)
  if (report.install.ok) {
    const types = Object.entries(report.types).map(([name, outcome]) => {
      ok = add(name, outcome) && ok
      return `${name} ${mark(outcome)}`
    })
    lines.push(`  types     ${types.join("  ")}`)
    for (const id of PACKAGES) {
      const result = report.apps[id]
      if (!result) continue
      ok = add(`${id} build`, result.build) && ok
      const browserOutcome = result.browser ?? skipped()
      if (result.browser) ok = add(`${id} in Chromium`, result.browser) && ok
      lines.push(`  ${id.padEnd(9)} build ${mark(result.build)}   browser ${mark(browserOutcome)}`)
    }
  }
  console.log([...lines, ...details].join("\n"))
  return !ok
}

function failure(note: string, detail?: string): Outcome {
  return { ok: false, note, detail }
}

function skipped(): Outcome {
  return { ok: false, note: "not run" }
}

function tail(text: string, lines = 40): string {
  // A tool's own stack frames say nothing about the packages.
  const all = text
    .trim()
    .split("\n")
    .filter((line) => !/^\s+at /.test(line))
  return (
    all.length > lines ? [`… (${all.length - lines} lines before)`, ...all.slice(-lines)] : all
  ).join("\n")
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `    ${line}`)
    .join("\n")
}
