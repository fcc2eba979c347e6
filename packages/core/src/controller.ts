// Wires the parts together: the store and its view, the refresher, the lifecycle, the tab
// channel and the mutations.
import type { ReadableAtom } from "nanostores"
import { createLifecycle } from "./lifecycle"
import {
  apply,
  byUser,
  causeNoted,
  entryRemoved,
  hydrated,
  initialModel,
  type Model,
  type Patch,
  refetchRequested,
} from "./model"
import { createMutations } from "./mutations"
import { createRefresher } from "./refresh"
import type { AuthFetch, SessionAtoms } from "./session-link"
import { createStore } from "./store"
import { openTabChannel } from "./tab-channel"
import type {
  DeviceSessionsState,
  MultiSessionClientOptions,
  MutationResult,
  RawEntry,
  Remembering,
} from "./types"
import { type Actions, createView } from "./view"

/** What `createDeviceSessions` hands the plugin, the bindings and the opt-in helpers. */
export interface DeviceSessionsController {
  $deviceSessions: ReadableAtom<DeviceSessionsState>
  /** The state behind the store, and its one way to change (for the opt-in helpers). */
  model(): Model
  dispatch(patch: Patch): void
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
  accept(list: readonly RawEntry[], session: RawEntry | null): boolean
  /** Set by a hydration: may answer one request of better-auth's from what is known. */
  answer?: FetchInit
  /**
   * Tells the other tabs that a call changed this device, or may have. `perTabAccountsClient()`
   * skips it once, for a switch of its tab alone: the device did not change.
   */
  announce(): void
  /** better-auth sends a session request: see the lifecycle. */
  sessionAsked(): void
}

/** A fetch plugin's `init`: the request as it will go, or the same with its answer in it. */
export type FetchInit = (path: string, options: Record<string, unknown>) => Record<string, unknown>

export function createDeviceSessions(
  $fetch: AuthFetch,
  { maximumSessions = 5, autoSwitch, remember }: MultiSessionClientOptions = {},
): DeviceSessionsController {
  if (!Number.isInteger(maximumSessions) || maximumSessions < 1) {
    throw new TypeError("multisession: maximumSessions must be a whole number ≥ 1")
  }
  let atoms: SessionAtoms
  let channel: BroadcastChannel | undefined
  let stopAnnouncing = () => {}
  // The remembered accounts, with `rememberAccounts()`, once the client is connected: it
  // hears each settled state, and fills in `forget` and `forgetAll`.
  let memory: Remembering | undefined
  const actions: Actions = {
    refetch() {
      store.dispatch(refetchRequested())
      return fresh.revalidate()
    },
    forget() {},
    forgetAll() {},
  }
  const store = createStore(createView(maximumSessions, actions), (state) => {
    if (!life.shown()) return
    autoSwitch?.(state, recovery)
    memory?.()
  })
  const fresh = createRefresher(
    $fetch,
    store,
    () => atoms,
    () => life.shown(),
  )
  const life = createLifecycle(store, fresh, () => atoms)
  const mutation = createMutations(
    $fetch,
    store.model,
    store.dispatch,
    fresh.listKnown,
    (call, userId, cause) => {
      controller.announce()
      const { list, active } = store.model()
      const known = byUser(list, userId)
      // An account the list does not hold: the server knows what this tab does not. Else a
      // switch changes who is active, never the list, and a removal's new list is the one
      // known without it: only the session is asked again, and only when it changed.
      const sessionChanges = call === "set-active" || !known || userId === active?.user.id
      if (sessionChanges) store.dispatch(causeNoted(cause))
      if (!known) return fresh.revalidate()
      if (sessionChanges) fresh.resignal(false)
      if (call === "revoke") {
        store.dispatch(entryRemoved(store.model(), known.user.id))
        // A list request under way, asked before the removal, could bring the entry back.
        if (store.model().listing) fresh.start()
      }
      return store.settled()
    },
    // A failed call may still have acted on the server (its answer lost): the other tabs
    // ask again too.
    () => {
      controller.announce()
      return fresh.revalidate()
    },
  )
  // What autoSwitch() calls: a switch like any other, put down to the recovery.
  const recovery = { setActive: mutation("set-active", "auto-switch") }
  const controller: DeviceSessionsController = {
    $deviceSessions: store.$view,
    model: store.model,
    dispatch: store.dispatch,
    connect(sessionAtoms, channelName) {
      atoms = sessionAtoms
      channel = openTabChannel(channelName, () => {
        if (!life.shown()) return
        store.dispatch(causeNoted("other-tab"))
        fresh.resignal()
      })
      // Whatever better-auth signals in this tab (a sign-in, a sign-out, a user update…)
      // is news for the other tabs too.
      stopAnnouncing = atoms.$sessionSignal.listen(() => fresh.quiet() || channel?.postMessage(0))
      memory = remember?.(controller, actions, channelName)
    },
    setActive: mutation("set-active", "switch"),
    revoke: mutation("revoke", "revoke"),
    refetch: actions.refetch,
    dispose() {
      stopAnnouncing()
      channel?.close()
      channel = undefined
      life.dispose()
    },
    stateOf: (entries, session) =>
      createView(maximumSessions, actions)(apply(initialModel, hydrated(entries, session))),
    accept: life.hydrate,
    announce: () => channel?.postMessage(0),
    sessionAsked: life.sessionAsked,
  }
  return controller
}
