/** The request header that names, by user id, the account one request acts as. */
export const PER_TAB_HEADER = "x-multisession-account"

/**
 * A copy of `headers` that asks for `userId`'s account: for server code (a server render, a
 * route handler) that calls `auth.api` as one of the device's accounts. The request's own
 * cookies still decide whether that account is there: the header alone grants nothing.
 */
export function withAccount(
  headers: HeadersInit,
  userId: string,
  header = PER_TAB_HEADER,
): Headers {
  const copy = new Headers(headers)
  copy.set(header, userId)
  return copy
}
