// Wires the parts together: the store and its view, what keeps it fresh, and the mutations.
import type { ReadableAtom } from "nanostores"
import { apply, hydrated, initialModel, refetchRequested } from "./model"
import { createMutations } from "./mutations"
import { createRefresher } from "./refresh"
import type { AuthFetch, SessionAtoms } from "./session-link"
import { createStore } from "./store"
import type {
  DeviceSessionsState,
  MultiSessionClientOptions,
  MutationResult,
  RawEntry,
} from "./types"
import { createView } from "./view"

/** What `createDeviceSessions` hands the plugin, the bindings and the opt-in helpers. */
export interface DeviceSessionsController {
  $deviceSessions: ReadableAtom<DeviceSessionsState>
  /** Connects to better-auth's session atom and signal, once the client has them. */
  connect(atoms: SessionAtoms, channelName: string): void
  setActive(target: unknown, fetchOptions?: object): Promise<MutationResult<never>>
  revoke(target: unknown, fetchOptions?: object): Promise<MutationResult<never>>
  refetch(): Promise<void>
  /** Releases the store's listeners, its request and its tab channel, for good. */
  dispose(): void
  /** The state a checked server payload stands for, without touching the store. */
  stateOf(list: readonly RawEntry[], session: RawEntry | null): DeviceSessionsState
  /** Starts the browser's store from a checked server payload, once, before any answer. */
  accept(list: readonly RawEntry[], session: RawEntry | null): void
}

export function createDeviceSessions(
  $fetch: AuthFetch,
  { maximumSessions = 5, autoSwitch }: MultiSessionClientOptions = {},
): DeviceSessionsController {
  if (!Number.isInteger(maximumSessions) || maximumSessions < 1) {
    throw new TypeError("multisession: maximumSessions must be a whole number ≥ 1")
  }
  const refetch = () => {
    store.dispatch(refetchRequested())
    return fresh.revalidate()
  }
  const store = createStore(
    createView(maximumSessions, refetch),
    (state) => fresh.shown() && autoSwitch?.(state, controller),
  )
  const fresh = createRefresher($fetch, store)
  const mutation = createMutations(
    $fetch,
    store.model,
    store.dispatch,
    fresh.listKnown,
    (call, userId) => {
      fresh.announce()
      // Removing another account leaves the session as it was: only the list needs asking.
      const sessionChanged =
        call === "set-active" || !userId || userId === store.model().active?.user.id
      return sessionChanged ? fresh.revalidate() : fresh.refreshList()
    },
    fresh.revalidate,
  )
  const controller: DeviceSessionsController = {
    $deviceSessions: store.$view,
    connect: fresh.connect,
    setActive: mutation("set-active"),
    revoke: mutation("revoke"),
    refetch,
    dispose: fresh.dispose,
    stateOf: (entries, session) =>
      createView(maximumSessions, refetch)(apply(initialModel, hydrated(entries, session))),
    accept: fresh.hydrate,
  }
  return controller
}
