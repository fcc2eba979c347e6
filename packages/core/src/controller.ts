// Wires the parts together: the model and its view, the list request, the link to
// better-auth's session, the mutations and the tab channel.
import { atom, onMount, type ReadableAtom } from "nanostores"
import { toError } from "./errors"
import { createListRequest } from "./list-request"
import {
  apply,
  byUser,
  hydrated,
  initialModel,
  listAnswered,
  listDropped,
  listFailed,
  listRequested,
  type Patch,
  refetchRequested,
  sessionChanged,
  sessionRequested,
} from "./model"
import { createMutations } from "./mutations"
import { type AuthFetch, followSession, isList, raise, type SessionAtoms } from "./session-link"
import { openTabChannel } from "./tab-channel"
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

const inBrowser = () => typeof window !== "undefined"

export function createDeviceSessions(
  $fetch: AuthFetch,
  { maximumSessions = 5, autoSwitch }: MultiSessionClientOptions = {},
): DeviceSessionsController {
  if (!Number.isInteger(maximumSessions) || maximumSessions < 1) {
    throw new TypeError("multisession: maximumSessions must be a whole number ≥ 1")
  }
  let model = initialModel
  let atoms: SessionAtoms
  let channel: BroadcastChannel | undefined
  // Set while the store is shown (mounted in a browser): how to stop following the session.
  let unfollow: (() => void) | undefined
  // After hydration, the session's first refresh only checks the hydrated session.
  let hydratedOnce = false
  // Set while this store raises better-auth's signal itself: no news for the other tabs.
  let quiet = false
  let disposed = false
  let stopAnnouncing = () => {}
  const waiting: (() => void)[] = []

  const refetch = () => {
    dispatch(refetchRequested())
    return revalidate()
  }
  const view = createView(maximumSessions, refetch)
  const $deviceSessions = atom(view(model))
  const idle = () => !model.listing && !model.sessionBusy
  /** Resolves once neither the list nor the session is being fetched. */
  const settled = () => new Promise<void>((resolve) => (idle() ? resolve() : waiting.push(resolve)))

  function dispatch(patch: Patch): void {
    model = apply(model, patch)
    if (idle()) for (const resolve of waiting.splice(0)) resolve()
    const state = view(model)
    if (state === $deviceSessions.value) return
    try {
      $deviceSessions.set(state)
    } catch (error) {
      // An app's listener threw. nanostores has still called every other listener; the
      // error is reported as an uncaught one would be, and this store carries on.
      ;(globalThis.reportError ?? console.error)(error)
    }
    if (unfollow && idle() && autoSwitch) autoSwitch(state, controller)
  }

  const list = createListRequest($fetch, ({ data, error }) => {
    const before = model.list
    const activeId = model.session?.user.id
    dispatch(
      !error && isList(data) ? listAnswered(model, data) : listFailed(toError(error, "list")),
    )
    // The session names an account that just left the list: that session may be gone too,
    // so ask again (unless an answer is on its way already).
    if (!model.sessionBusy && byUser(before, activeId) && !byUser(model.list, activeId)) resignal()
  })
  const startList = () => {
    dispatch(listRequested())
    list.start()
  }

  // Refreshes the session through better-auth's own signal, so every atom that depends on
  // who is signed in follows (this store's list follows the signal too).
  function resignal(): void {
    if (unfollow) dispatch(sessionRequested())
    quiet = true
    raise(atoms)
    quiet = false
  }
  const revalidate = () => {
    resignal()
    return settled()
  }

  const mutation = createMutations(
    $fetch,
    () => model,
    dispatch,
    () => {
      if (!model.list && !model.listing) startList()
      return settled()
    },
    (call, userId) => {
      channel?.postMessage(0)
      // Removing another account leaves the session as it was: only the list needs asking.
      if (call === "set-active" || !userId || userId === model.active?.user.id) return revalidate()
      if (unfollow) startList()
      return settled()
    },
    revalidate,
  )

  function unmount(): void {
    if (!unfollow) return
    unfollow()
    unfollow = undefined
    // Forget the request in flight: its answer belongs to nobody now.
    if (list.cancel()) dispatch(listDropped())
    dispatch(sessionChanged(false, model.session))
  }

  onMount($deviceSessions, () => {
    if (!inBrowser() || disposed) return
    let skip = hydratedOnce
    hydratedOnce = false
    unfollow = followSession(
      atoms,
      (busy, session) => dispatch(sessionChanged(busy, session)),
      // Each signal asks for the list anew; a refresh better-auth starts by itself joins
      // the list request under way, if there is one.
      (signal) => {
        if (signal || !(model.listing || skip)) startList()
        skip = false
      },
    )
    if (!skip) startList()
    return unmount
  })

  const controller: DeviceSessionsController = {
    $deviceSessions,
    connect(sessionAtoms, channelName) {
      atoms = sessionAtoms
      channel = openTabChannel(channelName, () => unfollow && resignal())
      // Whatever better-auth signals in this tab (a sign-in, a sign-out, a user update…)
      // is news for the other tabs too.
      stopAnnouncing = atoms.$sessionSignal.listen(() => quiet || channel?.postMessage(0))
    },
    setActive: mutation("set-active"),
    revoke: mutation("revoke"),
    refetch,
    dispose() {
      disposed = true
      stopAnnouncing()
      channel?.close()
      channel = undefined
      unmount()
    },
    stateOf: (entries, session) =>
      createView(maximumSessions, refetch)(apply(initialModel, hydrated(entries, session))),
    accept(entries, session) {
      // On the server one client may serve many requests: its store must stay empty there.
      if (!inBrowser() || model.list) return
      hydratedOnce = true
      dispatch(hydrated(entries, session))
    },
  }
  return controller
}
