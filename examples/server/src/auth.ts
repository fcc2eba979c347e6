// better-auth with email and password, the multi-session plugin and its per-tab companion:
// what the examples talk to.

import { perTabAccounts } from "@multisession/server"
import { betterAuth } from "better-auth"
import { getMigrations } from "better-auth/db/migration"
import { multiSession } from "better-auth/plugins"
import type { OpenDatabase } from "./database"
import { notesSchema } from "./notes"
import type { OpenStorage } from "./secondary-storage"

/** The most accounts one device keeps; the example apps show the same number. */
export const MAXIMUM_SESSIONS = 5

export interface AuthOptions {
  baseURL: string
  /** Origins allowed to call the API besides `baseURL`'s own. */
  trustedOrigins: string[]
  secret: string
  database: OpenDatabase["database"]
  /** Sessions in Redis besides the database, for several instances: see secondary-storage.ts. */
  secondaryStorage?: OpenStorage["secondaryStorage"]
  /** The least better-auth logs. Default `"warn"`. */
  logLevel?: "info" | "warn" | "error"
  /** better-auth's rate limit; default on in production only. Tests sign in faster than a person. */
  rateLimit?: boolean
}

/**
 * Creates the auth instance.
 *
 * @example
 * const auth = createAuth({ baseURL, trustedOrigins: [baseURL], secret, database })
 * await migrate(auth)
 */
export function createAuth(options: AuthOptions) {
  return betterAuth({
    baseURL: options.baseURL,
    secret: options.secret,
    database: options.database,
    secondaryStorage: options.secondaryStorage,
    trustedOrigins: options.trustedOrigins,
    logger: { level: options.logLevel ?? "warn" },
    rateLimit: options.rateLimit === undefined ? undefined : { enabled: options.rateLimit },
    emailAndPassword: { enabled: true },
    // perTabAccounts(): a request may act as another of the device's accounts, named in a
    // header (the per-tab page); without the header it changes nothing.
    plugins: [multiSession({ maximumSessions: MAXIMUM_SESSIONS }), perTabAccounts(), notesSchema],
  })
}

export type Auth = ReturnType<typeof createAuth>

/**
 * Creates or updates the tables better-auth needs; does nothing when they are current.
 *
 * @example
 * await migrate(auth)
 */
export async function migrate(auth: Auth): Promise<void> {
  const { runMigrations } = await getMigrations(auth.options)
  await runMigrations()
}
