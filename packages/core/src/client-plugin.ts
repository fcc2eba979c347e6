import type { BetterAuthClientPlugin } from "better-auth/client"
import type { multiSession } from "better-auth/plugins"
import type { ReadableAtom } from "nanostores"
import { createDeviceSessions, type DeviceSessionsController } from "./controller"
import { signedInOrOut } from "./model"
import type { AuthFetch, SessionAtoms } from "./session-link"
import type {
  DeviceSessionsState,
  DeviceSessionTarget,
  MultiSessionClientOptions,
  MultiSessionFetchOptions,
  MutationResult,
} from "./types"

type ServerPlugin = ReturnType<typeof multiSession>
type Endpoints = ServerPlugin["endpoints"]
type Answer<K extends keyof Endpoints> = Awaited<ReturnType<Endpoints[K]>>
// better-auth types a call for each server endpoint; setActive and revoke are ours instead,
// so each has one signature and one result type, whatever the target.
type InferredServerPlugin = Omit<ServerPlugin, "endpoints"> & {
  endpoints: Pick<Endpoints, "listDeviceSessions">
}

export const kController = Symbol.for("multisession.controller")

// better-auth refreshes the session only after the email sign-in and sign-up paths.
const isSignInOrUp = (path: string) => /^\/sign-(in|up)\//.test(path)
/** A request of this tab that changes who is signed in, and so what an account change is put down to. */
export const signInOrOut = /\/sign-(?:(?:in|up)\/|out\b)/

/**
 * better-auth client plugin for the multi-session server plugin: typed calls, and a live
 * device-session list that stays current after every switch, revoke, sign-in and sign-out.
 *
 * @example
 * const authClient = createAuthClient({ plugins: [multiSessionClient({ maximumSessions: 3 })] })
 * authClient.useDeviceSessions.subscribe(({ data }) => console.log(data))
 * await authClient.multiSession.setActive({ userId: "user-id" })
 */
export const multiSessionClient = (options: MultiSessionClientOptions = {}) => {
  let controller: DeviceSessionsController | undefined
  const plugin = {
    id: "multi-session",
    getAtoms($fetch) {
      controller = createDeviceSessions($fetch as unknown as AuthFetch, options)
      // Where getDeviceSessions(client) finds it again.
      ;(controller.$deviceSessions as { [kController]?: unknown })[kController] = controller
      return {
        deviceSessions: controller.$deviceSessions as ReadableAtom<DeviceSessionsState>,
      }
    },
    getActions(_$fetch, $store, clientOptions) {
      const own = controller as DeviceSessionsController
      // One tab channel per auth server: the client's base URL names it.
      own.connect(
        $store.atoms as unknown as SessionAtoms,
        `${clientOptions?.baseURL ?? ""}${clientOptions?.basePath ?? ""}`,
      )
      return {
        multiSession: {
          /**
           * Makes another account on this device the active one. Never throws.
           *
           * @example
           * const { error } = await authClient.multiSession.setActive(entry) // or { userId }, { sessionToken }
           */
          setActive: own.setActive as (
            target: DeviceSessionTarget,
            fetchOptions?: MultiSessionFetchOptions,
          ) => Promise<MutationResult<Answer<"setActiveSession">>>,
          /**
           * Signs one account out of this device. If it was the active one the server
           * promotes another, and the session follows. Never throws.
           *
           * @example
           * await authClient.multiSession.revoke({ userId: entry.user.id })
           */
          revoke: own.revoke as (
            target: DeviceSessionTarget,
            fetchOptions?: MultiSessionFetchOptions,
          ) => Promise<MutationResult<Answer<"revokeDeviceSession">>>,
          /**
           * Releases the device-session store's listeners, request and tab channel, for a
           * client that is thrown away (tests, micro-frontends, hot reload).
           *
           * @example
           * import.meta.hot?.dispose(() => authClient.multiSession.dispose())
           */
          dispose: own.dispose,
        },
      }
    },
    atomListeners: [{ matcher: isSignInOrUp, signal: "$sessionSignal" }],
    fetchPlugins: [
      {
        id: "multi-session-causes",
        name: "multi-session-causes",
        init(url: string, options?: Record<string, unknown>) {
          if (url.includes("/get-session")) controller?.sessionAsked()
          return { url, options: (options && controller?.answer?.(url, options)) ?? options }
        },
        hooks: {
          onSuccess({ request }) {
            const path = signInOrOut.exec(String(request.url))?.[0]
            if (path)
              controller?.dispatch(signedInOrOut(path.endsWith("out") ? "sign-out" : "sign-in"))
          },
        },
      },
    ],
  } satisfies BetterAuthClientPlugin
  // Read by the types only: better-auth's client never looks at them at run time.
  return plugin as typeof plugin & {
    $InferServerPlugin: InferredServerPlugin
    $ERROR_CODES: ServerPlugin["$ERROR_CODES"]
  }
}
