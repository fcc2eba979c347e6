/**
 * Every code an error of this plugin can carry: the ones the client reports itself, before
 * or without a request (status 0), and the ones the server answers for these calls.
 *
 * @example
 * const { error } = await authClient.multiSession.setActive({ userId })
 * if (error?.code === MULTI_SESSION_CLIENT_ERROR_CODES.DEVICE_SESSION_NOT_FOUND) refresh()
 */
export const MULTI_SESSION_CLIENT_ERROR_CODES = {
  /** No target, or not an entry, `{ userId }` or `{ sessionToken }` (a bare string included). */
  SESSION_TOKEN_REQUIRED: "SESSION_TOKEN_REQUIRED",
  /** A `sessionToken` no session token can be (too long, or characters no token has). */
  SESSION_TOKEN_MALFORMED: "SESSION_TOKEN_MALFORMED",
  /** A user id or entry that is not on this device's list. */
  DEVICE_SESSION_NOT_FOUND: "DEVICE_SESSION_NOT_FOUND",
  /** The request never got an answer the client could read (offline, aborted, bad JSON). */
  NETWORK_ERROR: "NETWORK_ERROR",
  /** Server: this device holds no cookie for that token (removed in another tab, expired). */
  INVALID_SESSION_TOKEN: "INVALID_SESSION_TOKEN",
  /** Server: `revoke` needs an active session, and this device has none. */
  UNAUTHORIZED: "UNAUTHORIZED",
  /** Server: an error without a code (a 500, a proxy's page); `status` says which. */
  UNKNOWN_ERROR: "UNKNOWN_ERROR",
} as const

export type MultiSessionClientErrorCode =
  (typeof MULTI_SESSION_CLIENT_ERROR_CODES)[keyof typeof MULTI_SESSION_CLIENT_ERROR_CODES]

/** Which call failed: a refresh of the list, a switch, or a removal. */
export type MultiSessionAction = "list" | "set-active" | "revoke"

/**
 * The error shape of every failed call: better-auth's own `{ code, message, status,
 * statusText }`, plus which call failed and for which account, so an app can say
 * "Couldn't switch to Ada" and offer that call again.
 *
 * @example
 * if (error?.action === "set-active") toast(`Couldn't switch to ${nameOf(error.userId)}`)
 */
export interface MultiSessionError<Code extends string = string> {
  code: Code
  message: string
  /** The HTTP status; 0 when no request was sent or no answer could be read. */
  status: number
  statusText: string
  action: MultiSessionAction
  /** The account the call was for, when it is known (`null` for a refresh or a bare token). */
  userId: string | null
}

/** An error the client reports itself: status 0, the code in words as the message. */
export const clientError = (
  code: string,
  action: MultiSessionAction,
  userId: string | null = null,
): MultiSessionError => ({
  code,
  // "SESSION_TOKEN_REQUIRED" reads "session token required"
  message: code.toLowerCase().replaceAll("_", " "),
  status: 0,
  statusText: "",
  action,
  userId,
})

/** Whatever a failed `$fetch` produced, as one predictable shape. */
export function toError(
  cause: unknown,
  action: MultiSessionAction,
  userId: string | null = null,
): MultiSessionError {
  // better-fetch's error: the server's { code, message } plus the HTTP status.
  const { code, message = "", status, statusText = "" } = Object(cause) as MultiSessionError
  return status > 0
    ? { ...clientError(code || "UNKNOWN_ERROR", action, userId), message, status, statusText }
    : clientError("NETWORK_ERROR", action, userId)
}
