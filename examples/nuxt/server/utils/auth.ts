// The example server's better-auth (examples/server) on this app's own SQLite file
// (`examples/nuxt/.data` by default), made and migrated once when the server starts.
// Nothing runs at import: `nuxt build` imports this too.
import type { Auth } from "../../../server/src/auth"
import { authFromEnv } from "../../../server/src/auth-from-env"

let started: Promise<Auth> | undefined

/**
 * The auth instance, started on first use (server/plugins/auth.ts starts it with the server).
 *
 * @example
 * const auth = await getAuth()
 * const session = await auth.api.getSession({ headers: event.headers })
 */
export function getAuth(): Promise<Auth> {
  started ??= authFromEnv({ app: "Nuxt", port: "3300" })
  return started
}
