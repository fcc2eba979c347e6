// How the store asks again: the list request (latest wins), and better-auth's signal for the
// session, which the list follows.
import { createListRequest } from "./list-request"
import {
  activeLeft,
  listDropped,
  listRequested,
  listSettled,
  sessionOnlyRequested,
  sessionRequested,
} from "./model"
import { type AuthFetch, raise, type SessionAtoms } from "./session-link"
import type { Store } from "./store"

export interface Refresher {
  /** Asks the server for the list now; a request under way is dropped. */
  start(): void
  /** Drops the list request under way, unanswered. */
  cancel(): void
  /** Asks better-auth for the session again (the list follows), and waits for both. */
  revalidate(): Promise<void>
  /** Loads the list if it is not known to be current, and waits for any list request. */
  listKnown(): Promise<void>
  /**
   * Raises better-auth's signal (the session, and so the list, is asked again), quietly;
   * with `listToo` false the list is known current, and only the session is asked.
   */
  resignal(listToo?: boolean): void
  /** True while this store raises the signal itself: no news for the other tabs. */
  quiet(): boolean
  /** True while this store raises the signal for the session alone. */
  sessionOnly(): boolean
}

export function createRefresher(
  $fetch: AuthFetch,
  { model, dispatch, settled }: Store,
  atoms: () => SessionAtoms,
  shown: () => boolean,
): Refresher {
  // While this store raises the signal: 1, or 2 for the session alone.
  let raising = 0
  const list = createListRequest($fetch, (answer) => {
    const before = model()
    dispatch(listSettled(before, answer))
    if (activeLeft(before, model())) resignal()
  })
  const start = () => {
    dispatch(listRequested())
    list.start()
  }
  // Refreshes the session through better-auth's own signal, so every atom that depends on
  // who is signed in follows (this store's list follows the signal too).
  function resignal(listToo = true): void {
    if (shown()) dispatch(listToo ? sessionRequested() : sessionOnlyRequested())
    raising = listToo ? 1 : 2
    try {
      raise(atoms())
    } finally {
      raising = 0
    }
  }
  return {
    start,
    cancel: () => list.cancel() && dispatch(listDropped()),
    revalidate() {
      resignal()
      return settled()
    },
    listKnown() {
      // A store nobody shows stopped following the device: its list may be out of date.
      const { list, listStale, listing } = model()
      if ((!list || listStale || !shown()) && !listing) start()
      return settled()
    },
    resignal,
    quiet: () => raising > 0,
    sessionOnly: () => raising > 1,
  }
}
