// The server-rendered example apps (SvelteKit, Next.js, Nuxt): how each production build is
// started here, on a free loopback port with a SQLite file of its own.
import { type ChildProcess, spawn } from "node:child_process"
import { randomBytes } from "node:crypto"
import { existsSync, mkdtempSync, rmSync } from "node:fs"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { EXAMPLES_DIR } from "./paths"

/** One server-rendered example: where its build is and how it is started. */
export interface ServerRenderedApp {
  /** The folder under examples/, and the name of its tests. */
  name: "sveltekit" | "next" | "nuxt"
  /** A file only a production build leaves, relative to the app's folder. */
  built: string
  /** The command that serves the build (run by this Node, in the app's folder). */
  command: (port: number) => string[]
}

/**
 * The three apps, tested alike by server-rendering.spec.ts.
 *
 * @example
 * for (const app of SERVER_RENDERED_APPS) test.describe(app.name, () => {})
 */
export const SERVER_RENDERED_APPS: ServerRenderedApp[] = [
  { name: "sveltekit", built: "build/index.js", command: () => ["build/index.js"] },
  {
    name: "next",
    built: ".next/BUILD_ID",
    command: (port) => [
      "node_modules/next/dist/bin/next",
      "start",
      "--hostname",
      "127.0.0.1",
      "--port",
      String(port),
    ],
  },
  { name: "nuxt", built: ".output/server/index.mjs", command: () => [".output/server/index.mjs"] },
]

/** A started app: its address, what it printed, and its stop. */
export interface RunningApp {
  url: string
  output: () => string
  stop: () => Promise<void>
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer()
    probe.once("error", reject)
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address()
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0))
    })
  })

/**
 * Starts an app's production build and waits until it answers its page.
 *
 * @example
 * const running = await startApp(SERVER_RENDERED_APPS[0])
 * await running.stop()
 */
export async function startApp(app: ServerRenderedApp): Promise<RunningApp> {
  const dir = join(EXAMPLES_DIR, app.name)
  if (!existsSync(join(dir, app.built))) {
    throw new Error(
      `examples/${app.name} is not built: run \`npx -y pnpm@10.34.9 --filter ` +
        `"@multisession/example-${app.name}..." build\` first.`,
    )
  }
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const dataDir = mkdtempSync(join(tmpdir(), `multisession-${app.name}-`))
  let output = ""
  const server: ChildProcess = spawn(process.execPath, app.command(port), {
    cwd: dir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      ORIGIN: url,
      BETTER_AUTH_URL: url,
      DATA_DIR: dataDir,
      DATABASE_FILE: join(dataDir, "auth.sqlite"),
      BETTER_AUTH_SECRET: randomBytes(32).toString("hex"),
      // The tests never mistype a password; a refusal would be news.
      AUTH_LOG_LEVEL: "error",
      // Production builds limit sign-ins to 3 in 10 s; these tests sign in faster than a person.
      RATE_LIMIT: "off",
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
    },
    stdio: ["ignore", "pipe", "pipe"],
  })
  server.stdout?.on("data", (chunk) => {
    output += chunk
  })
  server.stderr?.on("data", (chunk) => {
    output += chunk
  })
  const stop = async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once("exit", resolve))
      server.kill("SIGTERM")
      await exited
    }
    rmSync(dataDir, { recursive: true, force: true })
  }
  const deadline = Date.now() + 30_000
  for (;;) {
    if (server.exitCode !== null) {
      await stop()
      throw new Error(`the ${app.name} server exited:\n${output}`)
    }
    try {
      if ((await fetch(url)).ok) break
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`the ${app.name} server did not start:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return { url, output: () => output, stop }
}
