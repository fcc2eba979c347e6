// One loopback origin for the Chromium runs: a real better-auth server (multiSession, in-memory
// SQLite, configured as test/auth-server.ts) plus the two bundled switcher pages.
import { once } from "node:events"
import { readFile } from "node:fs/promises"
import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { join } from "node:path"
import { betterAuth } from "better-auth"
import { getMigrations } from "better-auth/db/migration"
import { toNodeHandler } from "better-auth/node"
import { multiSession } from "better-auth/plugins"
import Database from "better-sqlite3"

/** The pages served at `/<name>/`, each loading `/<name>.js` from `www`. */
export const PAGES = ["ours", "baseline", "careful"] as const
export type PageName = (typeof PAGES)[number]

const page = (name: string) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${name} · multisession bench</title></head>
<body><div id="root"></div><script type="module" src="/${name}.js"></script></body>
</html>
`

/**
 * Starts the server on a free loopback port; `www` holds the bundled pages.
 *
 * @example
 * const server = await startBenchServer(join(OUT_DIR, "www"))
 * await page.goto(`${server.url}/ours/`)
 * await server.close()
 */
export async function startBenchServer(www: string) {
  let handle: (req: IncomingMessage, res: ServerResponse) => void = () => {}
  const server = createServer((req, res) => handle(req, res))
  server.listen(0, "127.0.0.1")
  await once(server, "listening")
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const auth = betterAuth({
    baseURL: url,
    secret: "multisession-bench-secret-not-for-production-0123456789",
    database: new Database(":memory:"),
    emailAndPassword: { enabled: true },
    trustedOrigins: [url],
    rateLimit: { enabled: false },
    plugins: [multiSession({ maximumSessions: 3 })],
  })
  const { runMigrations } = await getMigrations(auth.options)
  await runMigrations()
  const authHandler = toNodeHandler(auth)

  const route = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? "/", url).pathname
    if (path.startsWith("/api/auth/")) return authHandler(req, res)
    const name = PAGES.find((p) => path === `/${p}/` || path === `/${p}.js`)
    if (!name) return res.writeHead(404).end()
    if (path.endsWith("/")) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" })
      return res.end(page(name))
    }
    const body = await readFile(join(www, `${name}.js`))
    res.writeHead(200, { "content-type": "text/javascript; charset=utf-8" })
    res.end(body)
  }
  handle = (req, res) => {
    route(req, res).catch((error) => res.writeHead(500).end(String(error)))
  }

  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
