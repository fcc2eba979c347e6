// A real better-auth server for the tests: multiSession() and perTabAccounts() on an in-memory
// SQLite database, served over node:http. Besides /api/auth/* it answers one app route,
// GET /app/whoami, that asks `auth.api.getSession({ headers })` as an app's own route would.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto"
import { once } from "node:events"
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { betterAuth } from "better-auth"
import { getMigrations } from "better-auth/db/migration"
import { fromNodeHeaders, toNodeHandler } from "better-auth/node"
import { multiSession } from "better-auth/plugins"
import Database from "better-sqlite3"
import { perTabAccounts } from "../src"

export interface ServerConfig {
  /** better-auth's cookie cache (`session.cookieCache`), 5 minutes. */
  cookieCache?: boolean
  /** Seconds; better-auth's defaults (7 days, 1 day) otherwise. */
  expiresIn?: number
  updateAge?: number
  maximumSessions?: number
  /** perTabAccounts()'s header option. */
  header?: string
}

export const SECRET = "multisession-server-test-secret-0123456789abcdef"

// Password hashing is not what these tests are about, and better-auth's default (scrypt) costs
// tens of milliseconds per sign-in: a salted SHA-256, through better-auth's own option.
const password = {
  hash: async (plain: string) => {
    const salt = randomBytes(16).toString("hex")
    return `${salt}:${createHash("sha256")
      .update(salt + plain)
      .digest("hex")}`
  },
  verify: async ({ hash, password: plain }: { hash: string; password: string }) => {
    const [salt = "", digest = ""] = hash.split(":")
    const given = createHash("sha256")
      .update(salt + plain)
      .digest("hex")
    return (
      given.length === digest.length && timingSafeEqual(Buffer.from(given), Buffer.from(digest))
    )
  },
}

function createAuth(baseURL: string, database: Database.Database, config: ServerConfig) {
  return betterAuth({
    baseURL,
    secret: SECRET,
    database,
    emailAndPassword: { enabled: true, password },
    trustedOrigins: [baseURL],
    rateLimit: { enabled: false },
    logger: { level: "error" },
    telemetry: { enabled: false },
    session: {
      ...(config.expiresIn ? { expiresIn: config.expiresIn } : {}),
      ...(config.updateAge !== undefined ? { updateAge: config.updateAge } : {}),
      ...(config.cookieCache ? { cookieCache: { enabled: true, maxAge: 300 } } : {}),
    },
    plugins: [
      multiSession({ maximumSessions: config.maximumSessions ?? 5 }),
      perTabAccounts(config.header ? { header: config.header } : {}),
    ],
  })
}

export type TestAuth = ReturnType<typeof createAuth>

export async function startServer(config: ServerConfig = {}) {
  const database = new Database(":memory:")
  const server = createServer()
  server.listen(0, "127.0.0.1")
  await once(server, "listening")
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const auth = createAuth(url, database, config)
  const { runMigrations } = await getMigrations(auth.options)
  await runMigrations()
  const handler = toNodeHandler(auth)
  server.on("request", (req, res) => {
    if (req.url?.startsWith("/api/auth/")) return void handler(req, res)
    if (req.url !== "/app/whoami") return void res.writeHead(404).end()
    auth.api
      .getSession({ headers: fromNodeHeaders(req.headers) })
      .then((session) => {
        if (!session) return void res.writeHead(401).end()
        res.writeHead(200, { "content-type": "application/json" })
        res.end(JSON.stringify({ userId: session.user.id }))
      })
      .catch((error: unknown) => res.writeHead(500).end(String(error)))
  })
  const context = await auth.$context
  return {
    url,
    auth,
    /** better-auth's own store, to read and change the server's truth behind the client. */
    adapter: context.internalAdapter,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      database.close()
    },
  }
}

export type TestServer = Awaited<ReturnType<typeof startServer>>
