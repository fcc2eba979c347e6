import type { HookContext } from "./context"
import { cookiePairs } from "./cookie-header"
import { type DeviceCookieNames, deviceCookieNames } from "./device-cookies"

/** One of the request's multi cookies that passed every check. */
export interface AccountCookie {
  token: string
  /** The cookie's value as signed by the server (`token.signature`), decoded. */
  signed: string
}

/**
 * The request's own multi cookie for `userId`: signed with the auth secret, named after the
 * token it holds, its session still in the store and unexpired. Null when there is none: the
 * caller must then act as nobody, never fall back to the device's active account.
 */
export async function findAccountCookie(
  ctx: HookContext,
  userId: string,
): Promise<AccountCookie | null> {
  if (!userId) return null
  const candidates = await signedMultiCookies(ctx, deviceCookieNames(ctx.context.authCookies))
  if (candidates.length === 0) return null
  const tokens = candidates.map((candidate) => candidate.token)
  // One lookup for all of them; the expiry is checked again here, whatever the store filters.
  const found = await ctx.context.internalAdapter.findSessions(tokens, {
    onlyActiveSessions: true,
  })
  const now = Date.now()
  const live = found.find(
    ({ session, user }) =>
      user.id === userId &&
      session.userId === userId &&
      new Date(session.expiresAt).getTime() > now &&
      tokens.includes(session.token),
  )
  return candidates.find((candidate) => candidate.token === live?.session.token) ?? null
}

/** The multi cookies whose signature verifies and whose name matches the token they hold. */
async function signedMultiCookies(
  ctx: HookContext,
  names: DeviceCookieNames,
): Promise<AccountCookie[]> {
  const multi = new Set(
    cookiePairs(ctx.headers?.get("cookie") ?? "")
      .map((pair) => pair.name)
      .filter((name) => name.startsWith(names.multiPrefix)),
  )
  const checked = await Promise.all(
    [...multi].map(async (name): Promise<AccountCookie | null> => {
      const token = await ctx.getSignedCookie(name, ctx.context.secret)
      // The signature covers the value only: a value moved under another cookie's name still
      // verifies, so the name is checked against it here.
      if (typeof token !== "string" || names.multiName(token) !== name) return null
      const signed = ctx.getCookie(name)
      return signed ? { token, signed } : null
    }),
  )
  return checked.filter((cookie): cookie is AccountCookie => cookie !== null)
}
