// A different account in each tab, opt-in: an app that does not add this plugin ships none of
// it. It needs `perTabAccounts()` of @multisession/server beside multiSession() on the server.
//
// This tab's account is a user id in sessionStorage (one per tab, kept over a reload). Every
// better-auth request of the tab names it in a header while the device holds it, and the
// server answers as that account, chosen among the device's own signed cookies. The tab keeps
// the account its session was last answered as, so a sign-in or a switch in another tab never
// moves it; a sign-in or sign-out in this tab lets the session answer anew.
import type { BetterAuthClientPlugin } from "better-auth/client"
import { kController, signInOrOut } from "./client-plugin"
import type { DeviceSessionsController } from "./controller"
import { isEntry } from "./session-link"

export interface PerTabAccountsClientOptions {
  /** The header name, if the server's `perTabAccounts({ header })` changed it. */
  header?: string
}

// A storage that fails (full, or forbidden in a sandboxed frame) leaves the account in memory.
const attempt = <T>(run: () => T) => {
  try {
    return run()
  } catch {}
}

/**
 * Lets each tab act as its own account: `multiSession.setActive` then switches this tab only,
 * while a removal and a sign-out still reach every tab. A new tab starts on the device's
 * active account, or on the one its URL names (`?account=<userId>`). Put it after
 * `multiSessionClient()`.
 *
 * @example
 * createAuthClient({ plugins: [multiSessionClient(), perTabAccountsClient()] })
 * await fetch("/api/notes", { headers: authClient.perTab.headers() })
 */
export const perTabAccountsClient = ({
  header = "x-multisession-account",
}: PerTabAccountsClientOptions = {}) => {
  let key = ""
  // "": the device's account, until the session answers.
  let tab = ""
  let controller: DeviceSessionsController | undefined
  // The controller's own announcement, put back after the one a switch of this tab skips.
  let announce: () => void
  let session: { value: { refetch(): unknown } }
  const use = (userId = "") => {
    // A client shared by a server's requests names no account.
    if (typeof window === "undefined") return
    tab = userId
    attempt(() => sessionStorage.setItem(key, userId))
  }
  const list = () => controller?.model().list

  return {
    id: "per-tab-accounts",
    getActions(_$fetch, $store, options) {
      session = $store.atoms.session as typeof session
      controller = ($store.atoms.deviceSessions as { [kController]?: DeviceSessionsController })?.[
        kController
      ]
      announce = controller?.announce as () => void
      key = `multisession.tab:${options?.baseURL ?? ""}${options?.basePath ?? ""}`
      // The tab's own account, kept over a reload, before the one a new tab's URL names.
      attempt(() =>
        use(
          sessionStorage.getItem(key) || new URLSearchParams(location.search).get("account") || "",
        ),
      )
      return {
        perTab: {
          /** The account this tab acts as (`null`: the device's, until the session answers). */
          userId: () => tab || null,
          /**
           * The header for the app's own API calls, so they act as this tab's account.
           *
           * @example
           * await fetch("/api/notes", { headers: authClient.perTab.headers() })
           */
          headers: (): Record<string, string> => (tab ? { [header]: tab } : {}),
        },
      }
    },
    fetchPlugins: [
      {
        id: "per-tab-accounts",
        name: "per-tab-accounts",
        // A switch of this tab alone: the device's active account stays. It is answered with
        // the entry the device list holds; the session then asked as that account says
        // whether the server agrees (if not, the tab goes on as the device's account).
        init(url, options) {
          const token = (options?.body as { sessionToken?: unknown } | undefined)?.sessionToken
          const entry =
            url.endsWith("/multi-session/set-active") &&
            list()?.find((known) => known.session.token === token)
          if (entry) {
            use(entry.user.id)
            // The device did not change: the other tabs have nothing to hear of this switch.
            const own = controller as DeviceSessionsController
            own.announce = () => {
              own.announce = announce
            }
            // (Response.json: every browser since 2023.)
            options = { ...options, customFetchImpl: async () => Response.json(entry) }
          }
          return { url, options }
        },
        hooks: {
          onRequest({ headers }) {
            // The device no longer holds the tab's account (removed, here or in another tab):
            // the tab goes on as the device's active account.
            if (tab && list()?.every((entry) => entry.user.id !== tab)) use()
            if (tab) headers.set(header, tab)
          },
          onSuccess({ data, request }) {
            const path = String(request.url)
            // A sign-in or a sign-out changes the device's account: this tab takes it.
            if (signInOrOut.test(path)) use()
            // Only an answer to a request that named this tab's account (or none, while it has
            // none) speaks for the tab: a late answer for an account it has left does not.
            const named = request.headers.get(header) ?? ""
            if (!/\/get-session(\?|$)/.test(path) || named !== tab) return
            // The server answers as the account named (the tab's already), or as nobody.
            if (isEntry(data)) {
              if (!named) use(data.user.id)
            } else if (named) {
              // That account is not on the device (ended elsewhere, expired): the tab goes on
              // as the device's active account, asked again once this answer is stored, and
              // quietly (no signal: the other tabs have nothing to hear).
              use()
              setTimeout(() => session.value.refetch())
            }
          },
        },
      },
    ],
  } satisfies BetterAuthClientPlugin
}
