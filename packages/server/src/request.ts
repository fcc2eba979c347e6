import { findAccountCookie } from "./account-cookie"
import type { HookContext } from "./context"
import { cookiePairs, joinCookiePairs } from "./cookie-header"
import { deviceCookieNames } from "./device-cookies"

/**
 * The request headers a header request runs with: the device's session cookie replaced by the
 * named account's own signed token, the device's caches and "don't remember me" flag dropped (a
 * cache would answer as the device's active account), every other cookie kept. When the
 * account is not among the request's valid multi cookies, no session cookie at all: the request
 * is anonymous.
 */
export async function accountRequestHeaders(ctx: HookContext, header: string): Promise<Headers> {
  const account = await findAccountCookie(ctx, ctx.headers?.get(header) ?? "")
  const names = deviceCookieNames(ctx.context.authCookies)
  const kept = cookiePairs(ctx.headers?.get("cookie") ?? "")
    .filter((cookie) => !names.isDeviceState(cookie.name))
    .map((cookie) => cookie.pair)
  // First, so that it is the one read even by a parser that keeps the first of two names.
  const session = account ? [`${names.sessionToken}=${encodeURIComponent(account.signed)}`] : []
  const headers = new Headers(ctx.headers)
  headers.set("cookie", joinCookiePairs([...session, ...kept]))
  return headers
}
