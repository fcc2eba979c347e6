import type { ReadableAtom } from "nanostores"
import { kController } from "./client-plugin"
import type { DeviceSessionsController } from "./controller"
import type {
  DeviceSession,
  DeviceSessionsState,
  DeviceSessionTarget,
  MultiSessionFetchOptions,
  MutationResult,
} from "./types"

/** Any better-auth client (vanilla, React, Vue, Svelte, Solid) made with `multiSessionClient()`. */
export interface MultiSessionAuthClient {
  $Infer: { Session: { session: { id: string; token: string }; user: { id: string } } }
  $store: { atoms: Record<string, unknown> }
}

/** The device-session entry type of a client, with its additional user and session fields. */
export type InferDeviceSession<C extends MultiSessionAuthClient> = DeviceSession<
  C["$Infer"]["Session"]["session"],
  C["$Infer"]["Session"]["user"]
>

/** What the bindings build on: the store and the calls that change it. */
export interface DeviceSessions<E extends DeviceSession<unknown, unknown> = DeviceSession> {
  $deviceSessions: ReadableAtom<DeviceSessionsState<E>>
  /** Makes another account on this device the active one; answers the new `{ session, user }`. */
  setActive(
    target: DeviceSessionTarget,
    fetchOptions?: MultiSessionFetchOptions,
  ): Promise<MutationResult<{ session: E["session"]; user: E["user"] }>>
  /** Signs one account out of this device; answers the server's `{ status }`. */
  revoke(
    target: DeviceSessionTarget,
    fetchOptions?: MultiSessionFetchOptions,
  ): Promise<MutationResult<{ status: boolean }>>
  /** Fetches the list and the session again and clears `error`. */
  refetch(): Promise<void>
  /** Releases the store's listeners, request and tab channel, for good. */
  dispose(): void
}

/**
 * The device-session store of an auth client, typed from that client. The framework
 * bindings are built on it; use it directly in plain TypeScript.
 *
 * @example
 * const { $deviceSessions, setActive } = getDeviceSessions(authClient)
 * $deviceSessions.subscribe(({ data }) => console.log(data?.length))
 */
export function getDeviceSessions<C extends MultiSessionAuthClient>(
  client: C,
): DeviceSessions<InferDeviceSession<C>> {
  const store = client?.$store?.atoms?.deviceSessions as
    | (ReadableAtom<unknown> & { [kController]?: DeviceSessionsController })
    | undefined
  const controller = store?.[kController]
  if (!controller) {
    throw new TypeError(
      "multisession: expected an auth client made with createAuthClient({ plugins: [multiSessionClient()] })",
    )
  }
  return controller as unknown as DeviceSessions<InferDeviceSession<C>>
}
