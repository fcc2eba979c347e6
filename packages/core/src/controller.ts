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
import {
  type AuthFetch,
  isList,
  linkSession,
  type SessionAtoms,
  type SessionLink,
} from "./session-link"
import { openTabChannel, type TabChannel } from "./tab-channel"
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
  let link: SessionLink
  let channel: TabChannel | undefined
  let stopAnnouncing: (() => void) | undefined
  // Set while the store is shown (mounted in a browser): the unfollow of the session.
  let unfollow: (() => void) | undefined
  // After hydration, the session's first refresh only checks the hydrated session.
  let hydratedOnce = false
  let disposed = false
  const waiting: [() => boolean, () => void][] = []

  const refetch = () => {
    dispatch(refetchRequested())
    return revalidate()
  }
  const view = createView(maximumSessions, refetch)
  const $deviceSessions = atom(view(model))
  const idle = () => !model.listing && !model.sessionBusy
  /** Resolves once `ready()` holds (checked after every transition). */
  const until = (ready: () => boolean) =>
    new Promise<void>((resolve) => (ready() ? resolve() : waiting.push([ready, resolve])))

  function dispatch(patch: Patch): void {
    model = apply(model, patch)
    for (const wait of [...waiting]) {
      if (wait[0]()) {
        waiting.splice(waiting.indexOf(wait), 1)
        wait[1]()
      }
    }
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

  function resignal(): void {
    if (unfollow) dispatch(sessionRequested())
    link.resignal()
  }

  // Refreshes the session through better-auth's own signal, so every atom that depends on
  // who is signed in follows (this store's list follows the signal too).
  async function revalidate(): Promise<void> {
    resignal()
    if (unfollow) await until(idle)
  }

  const mutation = createMutations(
    $fetch,
    () => model,
    dispatch,
    async () => {
      if (!model.list && !model.listing) startList()
      await until(() => !model.listing)
    },
    async (call, userId) => {
      channel?.post()
      // Removing another account leaves the session as it was: only the list needs asking.
      if (call === "set-active" || !userId || userId === model.active?.user.id) {
        await revalidate()
      } else if (unfollow) {
        startList()
        await until(idle)
      }
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
    unfollow = link.follow(
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
    connect(atoms, channelName) {
      link = linkSession(atoms)
      if (!inBrowser()) return
      channel = openTabChannel(channelName, () => unfollow && resignal())
      // Whatever better-auth signals in this tab (a sign-in, a sign-out, a user update…)
      // is news for the other tabs too.
      stopAnnouncing = link.onOwnTabChange(channel.post)
    },
    setActive: mutation("set-active"),
    revoke: mutation("revoke"),
    refetch,
    dispose() {
      disposed = true
      stopAnnouncing?.()
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
