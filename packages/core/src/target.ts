// Which account a call is for. Read when the call is made (bad input is refused before any
// request), looked up when the call runs (so it finds the account's current token).
import { clientError, type MultiSessionAction, type MultiSessionError } from "./errors"
import type { RawEntry } from "./types"

/** A call's target as given: an account by user id, or a bare token. */
export interface Target {
  userId?: string
  token?: string
}

// Real tokens are short URL-safe ids; anything else cannot name a cookie on this device.
const TOKEN_SHAPE = /^[\w.~+/=-]{1,512}$/

/** Takes `unknown`: JavaScript callers can pass anything, and get a typed error for it. */
export function readTarget(
  target: unknown,
  action: MultiSessionAction,
): Target | MultiSessionError {
  try {
    // null, a revoked Proxy or a getter that throws lands in the catch: no target
    const given = target as { user?: { id?: unknown }; session?: { token?: unknown } }
    const { userId = given.user?.id, sessionToken = given.session?.token } = given as Target & {
      sessionToken?: unknown
    }
    if (typeof userId === "string" && userId.trim()) return { userId }
    if (userId === undefined && typeof sessionToken === "string" && sessionToken.trim()) {
      return TOKEN_SHAPE.test(sessionToken)
        ? { token: sessionToken }
        : clientError("SESSION_TOKEN_MALFORMED", action)
    }
  } catch {}
  return clientError("SESSION_TOKEN_REQUIRED", action)
}

/** The target's entry on the list as it is now. */
export const findTarget = ({ userId, token }: Target, list: readonly RawEntry[] | null) =>
  list?.find((entry) => entry.user.id === userId || entry.session.token === token)
