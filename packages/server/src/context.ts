import type { AuthContext } from "better-auth"

/**
 * The part of better-auth's hook context the plugin reads and writes. A narrow view keeps each
 * helper honest about what it touches.
 */
export interface HookContext {
  path?: string | undefined
  headers?: Headers | undefined
  getCookie(key: string): string | null
  getSignedCookie(key: string, secret: string): Promise<string | null | false>
  setCookie(key: string, value: string, options?: Record<string, unknown>): string
  context: Pick<AuthContext, "authCookies" | "secret" | "internalAdapter"> & {
    responseHeaders?: Headers | undefined
  }
}
