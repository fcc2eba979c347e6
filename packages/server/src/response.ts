import { parseSetCookieHeader, splitSetCookieHeader } from "better-auth/cookies"
import type { HookContext } from "./context"
import { type DeviceCookieNames, deviceCookieNames } from "./device-cookies"

/**
 * Edits a header request's Set-Cookie so that the device's own session state stays as it was:
 * a session cookie set or expired for the account the request acted as lands on that
 * account's multi cookie (a refresh keeps the session alive in the tab that uses it), and the
 * device's caches and "don't remember me" flag are never set.
 */
export async function keepDeviceCookies(ctx: HookContext): Promise<void> {
  const response = ctx.context.responseHeaders
  if (!response) return
  // getSetCookie() keeps each entry whole; runtimes without it get better-auth's own split.
  const entries =
    typeof response.getSetCookie === "function"
      ? response.getSetCookie()
      : splitSetCookieHeader(response.get("set-cookie") ?? "")
  if (entries.length === 0) return
  const names = deviceCookieNames(ctx.context.authCookies)
  // The rewritten request's session cookie names the account the request acted as.
  const signed = await ctx.getSignedCookie(names.sessionToken, ctx.context.secret)
  const account = typeof signed === "string" ? signed : null
  const { kept, tokens } = moveSessionCookies(entries, names, account)
  response.delete("set-cookie")
  for (const entry of kept) response.append("set-cookie", entry)
  if (account && tokens.some((token) => token !== account)) await expireIfEnded(ctx, names, account)
}

function moveSessionCookies(entries: string[], names: DeviceCookieNames, account: string | null) {
  const kept: string[] = []
  const tokens: string[] = []
  for (const entry of entries) {
    const name = entry.slice(0, entry.indexOf("=")).trim()
    if (name !== names.sessionToken) {
      if (!names.isDeviceState(name)) kept.push(entry)
      continue
    }
    const change = sessionCookieChange(entry, name)
    const token = change === "expire" ? account : change
    if (!token) continue
    if (change !== "expire") tokens.push(token)
    const target = names.multiName(token)
    // multiSession() may have set the same multi cookie already: one entry per cookie.
    for (let i = kept.length - 1; i >= 0; i--)
      if (kept[i]?.startsWith(`${target}=`)) kept.splice(i, 1)
    kept.push(`${target}${entry.slice(entry.indexOf("="))}`)
  }
  return { kept, tokens }
}

/** The token a session cookie entry sets, "expire" when it deletes the cookie, null otherwise. */
function sessionCookieChange(entry: string, name: string): string | "expire" | null {
  const cookie = parseSetCookieHeader(entry).get(name)
  if (!cookie?.value || cookie["max-age"] === 0) return "expire"
  const dot = cookie.value.lastIndexOf(".")
  return dot > 0 ? cookie.value.slice(0, dot) : null
}

/**
 * A session rotated away (change-password revoking the other sessions makes a new one): the old
 * session's multi cookie goes too, once the store no longer holds that session.
 */
async function expireIfEnded(ctx: HookContext, names: DeviceCookieNames, token: string) {
  if (await ctx.context.internalAdapter.findSession(token)) return
  ctx.setCookie(names.multiName(token), "", {
    ...ctx.context.authCookies.sessionToken.attributes,
    maxAge: 0,
  })
}
