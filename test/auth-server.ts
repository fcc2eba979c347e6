// A real better-auth server with multiSession() on SQLite (or on shared stores, such as
// PostgreSQL and Redis, behind several instances), for tests and benchmarks.
import { once } from "node:events"
import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { betterAuth, type SecondaryStorage } from "better-auth"
import { getMigrations } from "better-auth/db/migration"
import { toNodeHandler } from "better-auth/node"
import { customSession, multiSession } from "better-auth/plugins"
import Database from "better-sqlite3"
import { perTabAccounts } from "../packages/server/src/index"

/** Where one instance keeps its data; each instance opens its own connections. */
export interface Stores {
  database: Database.Database | import("pg").Pool
  secondaryStorage?: SecondaryStorage
  close(): Promise<void>
}

export interface AuthServerOptions {
  maximumSessions?: number
  /** Opens one instance's stores. Default: a fresh in-memory SQLite database. */
  stores?: () => Stores
  /**
   * better-auth instances behind the one port, taking the requests in turn, as behind a load
   * balancer. Default 1; more only with shared `stores`.
   */
  instances?: number
  /**
   * better-auth's `customSession()`, plus a session field kept from the client
   * (`returned: false`): get-session then answers differently from set-active.
   */
  customSession?: boolean
  /** @multisession/server's `perTabAccounts()`: a request may name its account in a header. */
  perTab?: boolean
}

const inMemory = (): Stores => {
  const database = new Database(":memory:")
  return { database, close: async () => void database.close() }
}

function createAuth(
  baseURL: string,
  { maximumSessions = 3, customSession: custom = false, perTab = false }: AuthServerOptions,
  { database, secondaryStorage }: Stores = inMemory(),
) {
  return betterAuth({
    baseURL,
    secret: "multisession-test-secret-not-for-production-0123456789",
    database,
    secondaryStorage,
    emailAndPassword: { enabled: true },
    trustedOrigins: [new URL(baseURL).origin],
    rateLimit: { enabled: false },
    // An extra field, to prove the list carries what the server declares.
    user: { additionalFields: { plan: { type: "string", required: false, defaultValue: "free" } } },
    ...(custom && {
      session: {
        additionalFields: {
          secret: { type: "string", required: false, defaultValue: "kept", returned: false },
        },
      },
    }),
    plugins: [
      multiSession({ maximumSessions }),
      ...(custom
        ? [customSession(async ({ user, session }) => ({ user, session, roles: ["reader"] }))]
        : []),
      ...(perTab ? [perTabAccounts()] : []),
    ],
  })
}

export type TestAuth = ReturnType<typeof createAuth>

/**
 * Starts the server on a loopback port. Besides `/api/auth/*` it answers two test routes
 * that read or change the server's own truth, never a canned reply:
 * `GET /test/truth` (what the server says about the caller's cookies),
 * `POST /test/revoke-user?email=…` (revokes a user's sessions behind the client's back), and
 * `GET /test/notes?delay=ms` (a per-account resource: the caller's own notes, 401 without a
 * session, answered after `delay` ms).
 */
export async function startAuthServer(options: AuthServerOptions = {}) {
  let handle: (req: IncomingMessage, res: ServerResponse) => void = () => {}
  const server = createServer((req, res) => handle(req, res))
  server.listen(0, "127.0.0.1")
  await once(server, "listening")
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const opened = Array.from({ length: options.instances ?? 1 }, () =>
    (options.stores ?? inMemory)(),
  )
  const auths = opened.map((stores) => createAuth(url, options, stores))
  const auth = auths[0] as TestAuth
  const { runMigrations } = await getMigrations(auth.options)
  await runMigrations()
  // Each request goes to the next instance: none of them may rely on what another held.
  const handlers = auths.map((instance) => toNodeHandler(instance))
  let turn = 0
  const authHandler = (req: IncomingMessage, res: ServerResponse) =>
    (handlers[turn++ % handlers.length] as (typeof handlers)[number])(req, res)

  handle = (req, res) => {
    route(req, res).catch((error) => {
      res.writeHead(500).end(String(error))
    })
  }
  const route = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? "/", url).pathname
    if (path.startsWith("/api/auth/")) return authHandler(req, res)
    const headers = new Headers({ cookie: req.headers.cookie ?? "" })
    const json = (body: unknown) => {
      res.writeHead(200, { "content-type": "application/json" })
      res.end(JSON.stringify(body))
    }
    if (path === "/test/truth") {
      const [session, list] = await Promise.all([
        auth.api.getSession({ headers }),
        auth.api.listDeviceSessions({ headers }),
      ])
      return json({
        activeUserId: session?.user.id ?? null,
        userIds: list.map((entry) => entry.user.id),
      })
    }
    if (path === "/test/revoke-user" && req.method === "POST") {
      const email = new URL(req.url ?? "/", url).searchParams.get("email") ?? ""
      const ctx = await auth.$context
      const found = await ctx.internalAdapter.findUserByEmail(email)
      if (found) await ctx.internalAdapter.deleteUserSessions(found.user.id)
      return json({ revoked: !!found })
    }
    if (path === "/test/notes") {
      const delay = Number(new URL(req.url ?? "/", url).searchParams.get("delay") ?? 0)
      // The account a tab names (with perTabAccounts()) picks among the device's cookies.
      const account = req.headers["x-multisession-account"]
      if (typeof account === "string") headers.set("x-multisession-account", account)
      const session = await auth.api.getSession({ headers })
      await new Promise((resolve) => setTimeout(resolve, delay))
      if (!session) return res.writeHead(401).end()
      const { id, name } = session.user
      return json({ userId: id, name, notes: [`${name}'s first note`, `${name}'s second note`] })
    }
    res.writeHead(404).end()
  }

  return {
    url,
    auth,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await Promise.all(opened.map((stores) => stores.close()))
    },
  }
}
