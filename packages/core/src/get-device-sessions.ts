import type { ReadableAtom } from "nanostores"
import { kController } from "./client-plugin"
import type { DeviceSessionsController } from "./device-sessions"
import type {
  DeviceSession,
  DeviceSessionsState,
  DeviceSessionTarget,
  MutationResult,
} from "./types"

/** Any better-auth client (vanilla, React, Vue, Svelte) made with `multiSessionClient()`. */
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
  setActive(target: DeviceSessionTarget | E, fetchOptions?: object): Promise<MutationResult>
  revoke(target: DeviceSessionTarget | E, fetchOptions?: object): Promise<MutationResult>
  refetch(): Promise<void>
}

/**
 * The device-session store of an auth client, typed from that client. The framework
 * bindings are built on it; use it directly in plain TypeScript.
 *
 * @example
 * const { $deviceSessions, setActive } = getDeviceSessions(authClient)
 * $deviceSessions.subscribe(({ data }) => render(data))
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
