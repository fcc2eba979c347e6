// The example server's better-auth (examples/server) on this app's own SQLite file, made and
// migrated once when the server starts. Nothing runs at import: `vite build` imports this too.
import { join } from "node:path"
import { type Auth, createAuth, migrate } from "../../../../server/src/auth"
import { openDatabase } from "../../../../server/src/database"
import { seedDemoAccounts } from "../../../../server/src/demo-accounts"
import { loadOrCreateSecret } from "../../../../server/src/secret"

const env = process.env

/** Where the SQLite file and the generated secret live: `examples/sveltekit/.data` by default. */
const DATA_DIR = env.DATA_DIR || ".data"

let started: Promise<Auth> | undefined

async function start(): Promise<Auth> {
  const port = env.PORT || "3000"
  // adapter-node's ORIGIN is the public address when set; else the loopback names.
  const baseURL = env.BETTER_AUTH_URL || env.ORIGIN || `http://localhost:${port}`
  const db = openDatabase({
    databaseFile: env.DATABASE_FILE || join(DATA_DIR, "auth.sqlite"),
    databaseUrl: env.DATABASE_URL || undefined,
  })
  const auth = createAuth({
    baseURL,
    trustedOrigins: [
      new URL(baseURL).origin,
      `http://localhost:${port}`,
      `http://127.0.0.1:${port}`,
    ],
    secret: env.BETTER_AUTH_SECRET || loadOrCreateSecret(join(DATA_DIR, "secret")),
    database: db.database,
    logLevel: env.AUTH_LOG_LEVEL === "error" ? "error" : "warn",
  })
  await migrate(auth)
  if (env.SEED_DEMO_ACCOUNTS !== "false" && (await seedDemoAccounts(auth))) {
    console.log("Demo accounts created (see examples/server/README.md)")
  }
  console.log(`SvelteKit example at ${baseURL} (${db.label})`)
  return auth
}

/**
 * The auth instance, started on first use (the server's `init` hook starts it).
 *
 * @example
 * const auth = await getAuth()
 * const session = await auth.api.getSession({ headers: request.headers })
 */
export function getAuth(): Promise<Auth> {
  started ??= start()
  return started
}
