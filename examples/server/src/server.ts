// The example server: the better-auth API, the three built apps and a landing page, one origin.
import { once } from "node:events"
import { existsSync } from "node:fs"
import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { toNodeHandler } from "better-auth/node"
import { createAuth, migrate } from "./auth"
import { openDatabase } from "./database"
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoAccounts } from "./demo-accounts"
import { handleNotes } from "./notes"
import { landingPage, sendPage } from "./pages"
import { openSecondaryStorage } from "./secondary-storage"
import { loadOrCreateSecret } from "./secret"
import { APPS, EXAMPLES_DIR, sendFile, serveApp } from "./static"

/** `examples/server/.data`: the SQLite file and the generated secret, git-ignored. */
export const DATA_DIR = fileURLToPath(new URL("../.data/", import.meta.url))

export interface ServerOptions {
  /** Port to listen on; 0 picks a free one. Default 3000. */
  port?: number
  /** Interface to listen on. Default 127.0.0.1. */
  host?: string
  /** SQLite file. Default `examples/server/.data/auth.sqlite`. */
  databaseFile?: string
  /** `postgres://…` to use PostgreSQL instead of SQLite. */
  databaseUrl?: string
  /** `redis://…` to keep sessions in Redis (better-auth's secondary storage), for several instances. */
  redisUrl?: string
  /** Create the demo accounts when there are no users yet. Default true. */
  seed?: boolean
  /** Cookie-signing secret. Default: made once and kept in `.data/secret`. */
  secret?: string
  /** The public address. Default `http://localhost:<port>`. */
  baseURL?: string
  /** Where start-up lines go. Default console.log; pass `() => {}` for silence. */
  log?: (line: string) => void
  /** The least better-auth logs (a refused password is a warning). Default `"warn"`. */
  authLogLevel?: "info" | "warn" | "error"
}

/**
 * Starts the example server and resolves once it answers requests.
 *
 * @example
 * const server = await startServer({ port: 0, databaseFile: "/tmp/e2e.sqlite", seed: true })
 * await page.goto(`${server.url}/react/`)
 * await server.close()
 */
export async function startServer(options: ServerOptions = {}) {
  const log = options.log ?? console.log
  const seed = options.seed ?? true
  const db = openDatabase({
    databaseFile: options.databaseFile ?? join(DATA_DIR, "auth.sqlite"),
    databaseUrl: options.databaseUrl,
  })
  const storage = options.redisUrl ? openSecondaryStorage(options.redisUrl) : undefined

  // Auth needs the port for its URL, so it is set up after listening; until then, a 503.
  let handle = (_req: IncomingMessage, res: ServerResponse) => {
    sendPage(res, 503, "Starting", "<p>The server is starting. Reload in a moment.</p>")
  }
  const server = createServer((req, res) => handle(req, res))
  try {
    server.listen(options.port ?? 3000, options.host ?? "127.0.0.1")
    await once(server, "listening")
  } catch (error) {
    await Promise.all([db.close(), storage?.close()])
    throw error
  }
  const { port } = server.address() as AddressInfo
  const baseURL = options.baseURL ?? `http://localhost:${port}`

  const close = async () => {
    // Idle keep-alive connections would hold close() open; in-flight requests may finish.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()))
    server.closeIdleConnections()
    const force = setTimeout(() => server.closeAllConnections(), 3000)
    await closed
    clearTimeout(force)
    await Promise.all([db.close(), storage?.close()])
  }

  try {
    // The e2e tests may open either loopback name.
    const trustedOrigins = [
      new URL(baseURL).origin,
      `http://localhost:${port}`,
      `http://127.0.0.1:${port}`,
    ]
    const auth = createAuth({
      baseURL,
      trustedOrigins,
      secret: options.secret ?? loadOrCreateSecret(join(DATA_DIR, "secret")),
      database: db.database,
      secondaryStorage: storage?.secondaryStorage,
      logLevel: options.authLogLevel,
    })
    await migrate(auth)
    const seeded = seed && (await seedDemoAccounts(auth))
    const authHandler = toNodeHandler(auth)

    const route = async (req: IncomingMessage, res: ServerResponse) => {
      const { pathname } = new URL(req.url ?? "/", baseURL)
      if (pathname.startsWith("/api/auth/")) return authHandler(req, res)
      if (pathname === "/api/notes") return handleNotes(auth, req, res, trustedOrigins)
      if (req.method !== "GET" && req.method !== "HEAD") {
        res.writeHead(405, { allow: "GET, HEAD" }).end()
        return
      }
      if (pathname === "/") {
        const apps = APPS.map((app) => ({
          ...app,
          built: existsSync(join(app.dist, "index.html")),
        }))
        res.writeHead(200, {
          "content-type": "text/html; charset=utf-8",
          "cache-control": "no-cache",
        })
        res.end(req.method === "HEAD" ? undefined : landingPage({ apps, seed }))
        return
      }
      // Browsers ask for it on every app; an empty answer keeps their consoles free of 404s.
      if (pathname === "/favicon.ico") {
        res.writeHead(204, { "cache-control": "public, max-age=86400" }).end()
        return
      }
      if (pathname === "/shared/switcher.css") {
        if (await sendFile(req, res, join(EXAMPLES_DIR, "shared", "switcher.css"))) return
      }
      for (const app of APPS) {
        if (pathname === `/${app.id}`) {
          res.writeHead(308, { location: `/${app.id}/` }).end()
          return
        }
        if (pathname.startsWith(`/${app.id}/`)) return serveApp(req, res, app, pathname)
      }
      sendPage(res, 404, "Not found", `<p>Nothing here. <a href="/">See the examples</a>.</p>`)
    }

    handle = (req, res) => {
      route(req, res).catch((error: unknown) => {
        console.error(error)
        if (!res.headersSent) sendPage(res, 500, "Server error", "<p>See the server's log.</p>")
        else res.end()
      })
    }

    log(`Database: ${db.label}${storage ? `, sessions in ${storage.label}` : ""}`)
    if (seeded) {
      log(`Created demo accounts (password "${DEMO_PASSWORD}"):`)
      for (const account of DEMO_ACCOUNTS) log(`  ${account.name.padEnd(14)} ${account.email}`)
    } else if (seed) {
      const emails = DEMO_ACCOUNTS.map((account) => account.email).join(", ")
      log(`Demo accounts: ${emails} (password "${DEMO_PASSWORD}")`)
    }
    log(`multisession example: ${baseURL}`)
    return { url: baseURL, port, close }
  } catch (error) {
    await close()
    throw error
  }
}
