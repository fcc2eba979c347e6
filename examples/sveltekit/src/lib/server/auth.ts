// The example server's better-auth (examples/server) on this app's own SQLite file, made and
// migrated once when the server starts. Nothing runs at import: `vite build` imports this too.
import type { Auth } from "../../../../server/src/auth"
import { authFromEnv } from "../../../../server/src/auth-from-env"

let started: Promise<Auth> | undefined

/**
 * The auth instance, started on first use (the server's `init` hook starts it). Where the
 * SQLite file and the generated secret live: `examples/sveltekit/.data` by default.
 *
 * @example
 * const auth = await getAuth()
 * const session = await auth.api.getSession({ headers: request.headers })
 */
export function getAuth(): Promise<Auth> {
  // adapter-node's ORIGIN is the public address when set; else the loopback names.
  started ??= authFromEnv({ app: "SvelteKit", port: "3100" })
  return started
}
