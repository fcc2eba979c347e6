import {
  type DeviceSession,
  type DeviceSessions,
  type DeviceSessionsOptions,
  type DeviceSessionsState,
  getDeviceSessions,
  type InferDeviceSession,
  initialDeviceSessions,
  type MultiSessionAuthClient,
  selectFields,
} from "@multisession/core"
import type { Session, User } from "better-auth"
import { onCleanup } from "solid-js"
import { createStore } from "solid-js/store"
import { clientOf } from "./context"

// The client type assumed when none is named: better-auth's own `Session` and `User`.
interface DefaultAuthClient extends MultiSessionAuthClient {
  $Infer: { Session: { session: Session; user: User } }
}

/**
 * What `useDeviceSessions()` returns: a Solid store of core's state (each field read on its
 * own, so a computation that reads `data` does not run again for `isRefetching`), and the calls.
 *
 * @example
 * const accounts: UseDeviceSessionsResult = useDeviceSessions(authClient)
 */
export type UseDeviceSessionsResult<E extends DeviceSession<unknown, unknown> = DeviceSession> =
  DeviceSessionsState<E> & Pick<DeviceSessions<E>, "setActive" | "revoke">

/**
 * The accounts signed in on this device, live, as a fine-grained Solid store. Pass the auth
 * client for full typing, or call it bare under a `<MultiSessionProvider>`. The second
 * argument is the options every binding takes: `payload`, `fields`.
 *
 * @example
 * const accounts = useDeviceSessions(authClient)
 * return <For each={accounts.data}>{(entry) =>
 *   <button disabled={entry.isActive} onClick={() => accounts.setActive(entry)}>{entry.user.name}</button>
 * }</For>
 */
export function useDeviceSessions<C extends MultiSessionAuthClient = DefaultAuthClient>(
  client?: C | null,
  options: DeviceSessionsOptions<
    C["$Infer"]["Session"]["session"],
    C["$Infer"]["Session"]["user"]
  > = {},
): UseDeviceSessionsResult<InferDeviceSession<C>> {
  const { found, payload } = clientOf(client, "useDeviceSessions")
  const { $deviceSessions, setActive, revoke } = getDeviceSessions(found)
  // On the server a payload renders for this request only; in the browser it fills the store.
  const serverState = initialDeviceSessions(found, (options.payload ?? payload) as never)
  const read = selectFields($deviceSessions, options.fields)
  const [state, setState] = createStore({ ...(serverState ?? read()), setActive, revoke })
  // Subscribes in the browser only (a server render never cleans up). A field set to the
  // value it has notifies nobody, so each field changes on its own.
  if (!serverState && typeof window !== "undefined") {
    onCleanup($deviceSessions.listen(() => setState(read())))
  }
  return state as unknown as UseDeviceSessionsResult<InferDeviceSession<C>>
}
