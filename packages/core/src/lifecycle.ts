// While the store is shown (mounted, in a browser) it follows better-auth's session and
// loads the list; when the last subscriber leaves, or on dispose, it lets go of both.
import { onMount } from "nanostores"
import { hydrated, sessionChanged } from "./model"
import type { Refresher } from "./refresh"
import { followSession, type SessionAtoms } from "./session-link"
import type { Store } from "./store"
import type { RawEntry } from "./types"

export interface Lifecycle {
  /** The store is shown. */
  shown(): boolean
  /** Starts from a server-loaded list and session, once, in the browser; says if it did. */
  hydrate(list: readonly RawEntry[], session: RawEntry | null): boolean
  /** Lets go for good: a disposed store never follows the session again. */
  dispose(): void
  /** better-auth sends a session request. */
  sessionAsked(): void
}

const inBrowser = () => typeof window !== "undefined"

export function createLifecycle(
  { $view, model, dispatch }: Store,
  fresh: Refresher,
  atoms: () => SessionAtoms,
): Lifecycle {
  let unfollow: (() => void) | undefined
  // After hydration, the session's first refresh only checks the hydrated session.
  let hydratedOnce = false
  let disposed = false
  // A session request went out since the session last settled: the next is a refresh asked
  // for while one is under way.
  let again = false

  function hide(): void {
    if (!unfollow) return
    unfollow()
    unfollow = undefined
    again = false
    // Forget the request in flight: its answer belongs to nobody now.
    fresh.cancel()
    dispatch(sessionChanged(false, model().session))
  }

  onMount($view, () => {
    if (!inBrowser() || disposed) return
    // A session request out already (the app's own session check) makes the next the second.
    again = !!atoms().session.value?.isRefetching
    let skip = hydratedOnce
    hydratedOnce = false
    unfollow = followSession(
      atoms(),
      (busy, session) => {
        again &&= busy
        dispatch(sessionChanged(busy, session))
      },
      // Each signal asks for the list anew, unless this store raised it for the session
      // alone; a refresh better-auth starts by itself joins the list asked for since the
      // session last settled, if there is one (the mount's, answered or not, when the
      // session's own mount check starts late).
      (signal) => {
        if (signal ? !fresh.sessionOnly() : !(model().listAsked || skip)) fresh.start()
        skip = false
      },
    )
    if (!skip) fresh.start()
    return hide
  })

  return {
    shown: () => !!unfollow,
    hydrate(entries, session) {
      // On the server one client may serve many requests: its store must stay empty there.
      // A store already shown, or with a list, has better than a payload.
      if (!inBrowser() || unfollow || model().list) return false
      hydratedOnce = true
      dispatch(hydrated(entries, session))
      return true
    },
    dispose() {
      disposed = true
      hide()
    },
    sessionAsked() {
      // A refresh asked for while one is under way (a focus, say) goes out as a new request,
      // and better-auth's atom, refreshing already, tells nobody: a list that failed
      // meanwhile is asked again with it.
      const { listError, listing } = model()
      if (again && listError && !listing) fresh.start()
      again = !!unfollow
    },
  }
}
