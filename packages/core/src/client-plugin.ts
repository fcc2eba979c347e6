import type { BetterAuthClientPlugin } from "better-auth/client"
import type { multiSession } from "better-auth/plugins"
import type { ReadableAtom } from "nanostores"
import {
  type AuthFetch,
  createDeviceSessions,
  type DeviceSessionsController,
} from "./device-sessions"
import type {
  DeviceSessionsState,
  DeviceSessionTarget,
  MultiSessionClientOptions,
  MutationResult,
} from "./types"

type ServerPlugin = ReturnType<typeof multiSession>
type Endpoints = ServerPlugin["endpoints"]
type Answer<K extends keyof Endpoints> = Awaited<ReturnType<Endpoints[K]>>

export const kController = Symbol.for("multisession.controller")

// better-auth refreshes the session only after the email sign-in and sign-up paths.
const isSignInOrUp = (path: string) => /^\/sign-(in|up)\//.test(path)

/**
 * better-auth client plugin for the multi-session server plugin: typed calls, and a live
 * device-session list that refetches after every switch, revoke, sign-in and sign-out.
 *
 * @example
 * const authClient = createAuthClient({ plugins: [multiSessionClient({ maximumSessions: 3 })] })
 * authClient.useDeviceSessions.subscribe(({ data }) => console.log(data))
 * await authClient.multiSession.setActive(data[1])
 */
export const multiSessionClient = (options: MultiSessionClientOptions = {}) => {
  let controller: DeviceSessionsController | undefined
  return {
    id: "multi-session",
    $InferServerPlugin: {} as ServerPlugin,
    // Read by the types only: better-auth's client never looks at it at run time.
    $ERROR_CODES: {} as ServerPlugin["$ERROR_CODES"],
    getAtoms($fetch) {
      controller = createDeviceSessions($fetch as unknown as AuthFetch, options)
      // Where getDeviceSessions(client) finds it again.
      ;(controller.$deviceSessions as { [kController]?: unknown })[kController] = controller
      return {
        deviceSessions: controller.$deviceSessions as ReadableAtom<DeviceSessionsState>,
      }
    },
    getActions(_$fetch, $store) {
      const own = controller as DeviceSessionsController
      own.connect($store.atoms as unknown as Parameters<DeviceSessionsController["connect"]>[0])
      return {
        multiSession: {
          /**
           * Makes another account on this device the active one.
           *
           * @example
           * await authClient.multiSession.setActive(entry) // or { userId }, or { sessionToken }
           */
          setActive: own.setActive as (
            target: DeviceSessionTarget,
            fetchOptions?: object,
          ) => Promise<MutationResult<Answer<"setActiveSession">>>,
          /**
           * Signs one account out of this device. If it was the active one the server
           * promotes another, and the session follows.
           *
           * @example
           * await authClient.multiSession.revoke(entry)
           */
          revoke: own.revoke as (
            target: DeviceSessionTarget,
            fetchOptions?: object,
          ) => Promise<MutationResult<Answer<"revokeDeviceSession">>>,
        },
      }
    },
    atomListeners: [{ matcher: isSignInOrUp, signal: "$sessionSignal" }],
  } satisfies BetterAuthClientPlugin
}
