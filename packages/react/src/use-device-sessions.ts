import {
  type DeviceSession,
  type DeviceSessions,
  type DeviceSessionsOptions,
  type DeviceSessionsState,
  getDeviceSessions,
  type InferDeviceSession,
  type MultiSessionAuthClient,
  selectFields,
} from "@multisession/core"
import type { Session, User } from "better-auth"
import { useContext, useMemo, useSyncExternalStore } from "react"
import { MultiSessionContext, serverStateOf } from "./context"

// The client type assumed when none is named: better-auth's own `Session` and `User`.
interface DefaultAuthClient extends MultiSessionAuthClient {
  $Infer: { Session: { session: Session; user: User } }
}

/**
 * Options of `useDeviceSessions()`: core's `DeviceSessionsOptions`, the same in every binding.
 *
 * @example
 * const { data } = useDeviceSessions(authClient, { fields: ["data"] }) // renders only when data changes
 */
export type UseDeviceSessionsOptions<C extends MultiSessionAuthClient = DefaultAuthClient> =
  DeviceSessionsOptions<C["$Infer"]["Session"]["session"], C["$Infer"]["Session"]["user"]>

/**
 * What `useDeviceSessions()` returns: the store's value, plus the calls that change it.
 *
 * @example
 * function Switcher({ accounts }: { accounts: UseDeviceSessionsResult }) {
 *   return <p>{accounts.active?.user.name ?? "Not signed in"}</p>
 * }
 */
export type UseDeviceSessionsResult<E extends DeviceSession<unknown, unknown> = DeviceSession> =
  DeviceSessionsState<E> & Pick<DeviceSessions<E>, "setActive" | "revoke">

/**
 * The accounts signed in on this device, live: every component that uses it shows the
 * same state and follows each switch, revoke, sign-in and sign-out. Pass the auth client
 * for full typing, or call it bare under a `<MultiSessionProvider>`; name the client type
 * there as `useDeviceSessions<typeof authClient>()`.
 *
 * @example
 * const { data, setActive, switching } = useDeviceSessions(authClient)
 * return data?.map((entry) => (
 *   <button key={entry.user.id} disabled={entry.isActive} onClick={() => setActive(entry)}>
 *     {switching === entry.user.id ? "Switching…" : entry.user.name}
 *   </button>
 * ))
 */
export function useDeviceSessions<C extends MultiSessionAuthClient = DefaultAuthClient>(
  client?: C | null,
  options: UseDeviceSessionsOptions<C> = {},
): UseDeviceSessionsResult<InferDeviceSession<C>> {
  const provided = useContext(MultiSessionContext)
  const sessions = useMemo(
    () => (client ? getDeviceSessions(client) : provided?.sessions),
    [client, provided],
  )
  if (!sessions) {
    throw new Error(
      "useDeviceSessions() needs a <MultiSessionProvider client={authClient}> above it, or the client as argument",
    )
  }
  const store = sessions.$deviceSessions
  const { payload } = options
  // Hydration must render what the server rendered: this call's or the provider's payload,
  // or else the store's first value (a server store never leaves it), not what the browser
  // knows by now. A payload hydrates the browser's store once, before the first render.
  const own = useMemo(() => client && serverStateOf(client, payload), [client, payload])
  const serverState = own ?? (provided?.sessions === sessions ? provided.serverState : null)
  // With `fields`, a change elsewhere in the state hands back the same snapshot, so React
  // skips the render (what nanostores' own `keys` option does).
  const fields = options.fields?.join()
  // biome-ignore lint/correctness/useExhaustiveDependencies: `fields` stands for options.fields
  const getSnapshot = useMemo(() => selectFields(store, options.fields), [store, fields])
  // nanostores' listen needs no `this` and stays the same function: React's subscribe.
  const state = useSyncExternalStore(
    store.listen,
    getSnapshot,
    () => serverState ?? (store.init as DeviceSessionsState),
  )
  const { setActive, revoke } = sessions
  return useMemo(
    () => ({ ...state, setActive, revoke }),
    [state, setActive, revoke],
  ) as UseDeviceSessionsResult<InferDeviceSession<C>>
}
