// better-auth for an app that serves the examples' auth API itself (the server-rendered
// examples), configured from the environment as examples/server is: its own SQLite file
// (or PostgreSQL), migrated, with the demo accounts.
import { join } from "node:path"
import { type Auth, createAuth, migrate } from "./auth"
import { openDatabase } from "./database"
import { seedDemoAccounts } from "./demo-accounts"
import { loadOrCreateSecret } from "./secret"

/**
 * Opens and migrates the database and seeds the demo accounts. Reads `PORT`,
 * `BETTER_AUTH_URL` or `ORIGIN` (the public address), `DATA_DIR` (`.data`), `DATABASE_FILE`,
 * `DATABASE_URL`, `BETTER_AUTH_SECRET`, `AUTH_LOG_LEVEL=error`, `RATE_LIMIT=off` and
 * `SEED_DEMO_ACCOUNTS=false`. Call it once, when the server starts.
 *
 * @example
 * let started: Promise<Auth> | undefined
 * export const getAuth = () => (started ??= authFromEnv({ app: "Nuxt", port: "3300" }))
 */
export async function authFromEnv(options: {
  /** Named in the start-up log. */
  app: string
  /** The port when `PORT` is not set. */
  port: string
}): Promise<Auth> {
  const env = process.env
  const dataDir = env.DATA_DIR || ".data"
  const port = env.PORT || options.port
  const baseURL = env.BETTER_AUTH_URL || env.ORIGIN || `http://localhost:${port}`
  const db = openDatabase({
    databaseFile: env.DATABASE_FILE || join(dataDir, "auth.sqlite"),
    databaseUrl: env.DATABASE_URL || undefined,
  })
  const auth = createAuth({
    baseURL,
    trustedOrigins: [
      new URL(baseURL).origin,
      `http://localhost:${port}`,
      `http://127.0.0.1:${port}`,
    ],
    secret: env.BETTER_AUTH_SECRET || loadOrCreateSecret(join(dataDir, "secret")),
    database: db.database,
    logLevel: env.AUTH_LOG_LEVEL === "error" ? "error" : "warn",
    rateLimit: env.RATE_LIMIT === "off" ? false : undefined,
  })
  await migrate(auth)
  if (env.SEED_DEMO_ACCOUNTS !== "false" && (await seedDemoAccounts(auth))) {
    console.log("Demo accounts created (see examples/server/README.md)")
  }
  console.log(`${options.app} example at ${baseURL} (${db.label})`)
  return auth
}
