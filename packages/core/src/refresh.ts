// Keeps the store fresh: the list request, following better-auth's session while the store is
// shown, and the tab channel that tells the other tabs (and hears them).
import { onMount } from "nanostores"
import { createListRequest } from "./list-request"
import {
  activeLeft,
  hydrated,
  listDropped,
  listRequested,
  listSettled,
  sessionChanged,
  sessionRequested,
} from "./model"
import { type AuthFetch, followSession, raise, type SessionAtoms } from "./session-link"
import type { Store } from "./store"
import { openTabChannel } from "./tab-channel"
import type { RawEntry } from "./types"

export interface Refresher {
  /** Connects to better-auth's session atom and signal, and opens the tab channel. */
  connect(atoms: SessionAtoms, channelName: string): void
  /** Asks better-auth for the session again (the list follows), and waits for both. */
  revalidate(): Promise<void>
  /** Asks for the list alone, if the store is shown, and waits. */
  refreshList(): Promise<void>
  /** Loads the list if it was never loaded, and waits for any list request. */
  listKnown(): Promise<void>
  /** Tells the other tabs that something changed. */
  announce(): void
  /** The store is shown (mounted, in a browser). */
  shown(): boolean
  /** Starts from a server-loaded list and session, once, in the browser. */
  hydrate(list: readonly RawEntry[], session: RawEntry | null): void
  dispose(): void
}

const inBrowser = () => typeof window !== "undefined"

export function createRefresher($fetch: AuthFetch, { $view, model, dispatch, settled }: Store) {
  let atoms: SessionAtoms
  let channel: BroadcastChannel | undefined
  // Set while the store is shown: how to stop following the session.
  let unfollow: (() => void) | undefined
  // After hydration, the session's first refresh only checks the hydrated session.
  let hydratedOnce = false
  // Set while this store raises better-auth's signal itself: no news for the other tabs.
  let quiet = false
  let disposed = false
  let stopAnnouncing = () => {}

  const list = createListRequest($fetch, (answer) => {
    const before = model()
    dispatch(listSettled(before, answer))
    if (activeLeft(before, model())) resignal()
  })
  const startList = () => {
    dispatch(listRequested())
    list.start()
  }
  function resignal(): void {
    if (unfollow) dispatch(sessionRequested())
    quiet = true
    raise(atoms)
    quiet = false
  }
  function unmount(): void {
    if (!unfollow) return
    unfollow()
    unfollow = undefined
    // Forget the request in flight: its answer belongs to nobody now.
    if (list.cancel()) dispatch(listDropped())
    dispatch(sessionChanged(false, model().session))
  }

  onMount($view, () => {
    if (!inBrowser() || disposed) return
    let skip = hydratedOnce
    hydratedOnce = false
    unfollow = followSession(
      atoms,
      (busy, session) => dispatch(sessionChanged(busy, session)),
      // Each signal asks for the list anew; a refresh better-auth starts by itself joins
      // the list request under way, if there is one.
      (signal) => {
        if (signal || !(model().listing || skip)) startList()
        skip = false
      },
    )
    if (!skip) startList()
    return unmount
  })

  return {
    connect(sessionAtoms, channelName) {
      atoms = sessionAtoms
      channel = openTabChannel(channelName, () => unfollow && resignal())
      // Whatever better-auth signals in this tab (a sign-in, a sign-out, a user update…)
      // is news for the other tabs too.
      stopAnnouncing = atoms.$sessionSignal.listen(() => quiet || channel?.postMessage(0))
    },
    revalidate() {
      resignal()
      return settled()
    },
    refreshList() {
      if (unfollow) startList()
      return settled()
    },
    listKnown() {
      if (!model().list && !model().listing) startList()
      return settled()
    },
    announce: () => channel?.postMessage(0),
    shown: () => !!unfollow,
    hydrate(entries, session) {
      // On the server one client may serve many requests: its store must stay empty there.
      if (!inBrowser() || model().list) return
      hydratedOnce = true
      dispatch(hydrated(entries, session))
    },
    dispose() {
      disposed = true
      stopAnnouncing()
      channel?.close()
      channel = undefined
      unmount()
    },
  } satisfies Refresher
}
