// Starts the example server once for the whole run, on a free loopback port with a fresh
// SQLite file and the demo accounts, and checks the browser and the built apps first.
import { randomBytes } from "node:crypto"
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { startServer } from "../examples/server/src/server"
import {
  ARTIFACTS_DIR,
  CHROMIUM,
  DATABASE_FILE_ENV,
  EXAMPLES_DIR,
  FRAMEWORKS,
  SERVER_URL_ENV,
} from "./tests/paths"

/**
 * Playwright's global setup; returns the teardown that stops the server.
 *
 * @example
 * export default defineConfig({ globalSetup: "./global-setup.ts" })
 */
export default async function globalSetup() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing. Install Debian's Chromium with \`apt-get install -y chromium\` ` +
        "(these tests never download a browser).",
    )
  }
  const unbuilt = FRAMEWORKS.filter(
    (fw) => !existsSync(join(EXAMPLES_DIR, fw, "dist", "index.html")),
  )
  if (unbuilt.length) {
    throw new Error(
      `The example apps are not built (${unbuilt.map((fw) => `examples/${fw}/dist`).join(", ")} missing): ` +
        "run `npx -y pnpm@10.34.9 build` first, then " +
        '`npx -y pnpm@10.34.9 --filter "./examples/*" build`.',
    )
  }

  mkdirSync(ARTIFACTS_DIR, { recursive: true })
  rmSync(join(ARTIFACTS_DIR, "request-counts.json"), { force: true })
  rmSync(join(ARTIFACTS_DIR, "follow-the-switch.json"), { force: true })

  const dataDir = mkdtempSync(join(tmpdir(), "multisession-e2e-"))
  const server = await startServer({
    port: 0,
    host: "127.0.0.1",
    databaseFile: join(dataDir, "auth.sqlite"),
    seed: true,
    // A secret of its own, so the run never writes examples/server/.data.
    secret: randomBytes(32).toString("hex"),
    log: () => {},
    // The tests refuse a short password on purpose; that warning is no news.
    authLogLevel: "error",
  })
  // The server trusts both loopback names; 127.0.0.1 never resolves to ::1.
  const url = `http://127.0.0.1:${server.port}`
  process.env[SERVER_URL_ENV] = url
  process.env[DATABASE_FILE_ENV] = join(dataDir, "auth.sqlite")
  console.log(`e2e: example server at ${url} (database in ${dataDir})`)

  return async () => {
    await server.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
