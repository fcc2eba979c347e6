import type { AuthContext } from "better-auth"

type AuthCookies = AuthContext["authCookies"]

/** The names multiSession() and better-auth give the device's cookies, for one configuration. */
export interface DeviceCookieNames {
  /** The device's active session: the account a request without the header acts as. */
  sessionToken: string
  /** Every multi cookie's name starts with this; the rest is its token, lowercased. */
  multiPrefix: string
  /** The multi cookie multiSession() keeps for the session with this token. */
  multiName(token: string): string
  /**
   * The device's own session state: the active session, its caches (chunks included) and the
   * "don't remember me" flag. A header request never reads or sets any of them.
   */
  isDeviceState(name: string): boolean
}

export function deviceCookieNames(authCookies: AuthCookies): DeviceCookieNames {
  const sessionToken = authCookies.sessionToken.name
  const caches = [authCookies.sessionData.name, authCookies.accountData.name]
  const dontRemember = authCookies.dontRememberToken.name
  const multiPrefix = `${sessionToken}_multi-`
  return {
    sessionToken,
    multiPrefix,
    multiName: (token) => `${multiPrefix}${token.toLowerCase()}`,
    isDeviceState: (name) =>
      name === sessionToken ||
      name === dontRemember ||
      caches.some((cache) => name === cache || name.startsWith(`${cache}.`)),
  }
}
