/**
 * Codes of the errors this client reports on its own, before or without a request.
 * Server errors keep the server's codes (for example `INVALID_SESSION_TOKEN`).
 *
 * @example
 * const { error } = await authClient.multiSession.setActive("")
 * if (error?.code === MULTI_SESSION_CLIENT_ERROR_CODES.SESSION_TOKEN_REQUIRED) showHint()
 */
export const MULTI_SESSION_CLIENT_ERROR_CODES = {
  /** `setActive`/`revoke` got no target, an empty string or something that is not one. */
  SESSION_TOKEN_REQUIRED: "SESSION_TOKEN_REQUIRED",
  /** A string that cannot be a session token (too long, or characters no token has). */
  SESSION_TOKEN_MALFORMED: "SESSION_TOKEN_MALFORMED",
  /** A user id or entry that is not on this device's list. */
  DEVICE_SESSION_NOT_FOUND: "DEVICE_SESSION_NOT_FOUND",
  /** The request never got an answer the client could read (offline, aborted, bad JSON). */
  NETWORK_ERROR: "NETWORK_ERROR",
} as const

export type MultiSessionClientErrorCode =
  (typeof MULTI_SESSION_CLIENT_ERROR_CODES)[keyof typeof MULTI_SESSION_CLIENT_ERROR_CODES]

/**
 * The error shape of every failed call: better-auth's own `{ code, message, status, statusText }`.
 *
 * @example
 * if (state.error?.code === "INVALID_SESSION_TOKEN") say("That account was already removed")
 */
export interface MultiSessionError<Code extends string = string> {
  code: Code
  message: string
  status: number
  statusText: string
}

// Status 0: no request was sent, or no answer could be read.
export const clientError = (
  code: MultiSessionClientErrorCode,
): MultiSessionError<MultiSessionClientErrorCode> => ({
  code,
  // "SESSION_TOKEN_REQUIRED" reads "session token required"
  message: code.toLowerCase().replaceAll("_", " "),
  status: 0,
  statusText: "",
})

/** Whatever a failed `$fetch` produced, as one predictable shape. */
export function toError(cause: unknown): MultiSessionError {
  // better-fetch's error: the server's { code, message } plus the HTTP status.
  const {
    code,
    message = "",
    status = 0,
    statusText = "",
  } = Object(cause) as Partial<MultiSessionError>
  return status > 0
    ? { code: code || statusText || "UNKNOWN_ERROR", message, status, statusText }
    : clientError("NETWORK_ERROR")
}
