// The example server's better-auth (examples/server) on this app's own SQLite file, made and
// migrated once when the server starts (instrumentation.ts). Nothing runs at import: `next
// build` imports this too.
import type { Auth } from "../../server/src/auth"
import { authFromEnv } from "../../server/src/auth-from-env"

// Next.js bundles instrumentation.ts, the route handlers and the pages apart, each with its own
// copy of this module: the server process's one instance lives on globalThis. It holds the
// database, never anything of one request.
const shared = globalThis as { multisessionAuth?: Promise<Auth> }

/**
 * The auth instance, started on first use (instrumentation.ts starts it with the server).
 *
 * @example
 * const auth = await getAuth()
 * const session = await auth.api.getSession({ headers: await headers() })
 */
export function getAuth(): Promise<Auth> {
  shared.multisessionAuth ??= authFromEnv({ app: "Next.js", port: "3200" })
  return shared.multisessionAuth
}
