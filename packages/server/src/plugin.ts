import type { BetterAuthPlugin, HookEndpointContext } from "better-auth"
import { createAuthMiddleware } from "better-auth/api"
import { isDeviceWide } from "./device-wide"
import { PER_TAB_HEADER } from "./header"
import { accountRequestHeaders } from "./request"
import { keepDeviceCookies } from "./response"

/** The plugin object, for `betterAuth({ plugins })`. */
export interface PerTabAccountsPlugin {
  id: "per-tab-accounts"
  hooks: NonNullable<BetterAuthPlugin["hooks"]>
}

export interface PerTabAccountsOptions {
  /** The request header that names the account, by user id. Default `x-multisession-account`. */
  header?: string
}

/**
 * Lets each request act as any account signed in on the device: a request carrying the header
 * (`x-multisession-account: <userId>`) is answered as that account, chosen among its own
 * signed multi cookies, for that request only. Use beside `multiSession()`, after it and before
 * `nextCookies()`.
 */
export function perTabAccounts(options: PerTabAccountsOptions = {}): PerTabAccountsPlugin {
  const header = (options.header ?? PER_TAB_HEADER).toLowerCase()
  const applies = (ctx: HookEndpointContext) =>
    ctx.headers?.has(header) === true && !isDeviceWide(ctx.path)
  return {
    id: "per-tab-accounts",
    hooks: {
      before: [
        {
          matcher: applies,
          handler: createAuthMiddleware(async (ctx) => ({
            context: { headers: await accountRequestHeaders(ctx, header) },
          })),
        },
      ],
      after: [
        {
          matcher: applies,
          handler: createAuthMiddleware(async (ctx) => {
            await keepDeviceCookies(ctx)
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin
}
