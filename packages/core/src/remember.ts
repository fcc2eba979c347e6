// Remembered accounts, opt-in: an app that does not pass `remember` does not ship this file.
// localStorage holds the display data of each account seen on this device, under one key
// per auth server; the remembered ones are those the server no longer lists. So an account
// that left while no tab was open (expired overnight) is remembered too, and signing it in
// again moves it back to the live list by itself. Never a token or a session id.
import { onMount } from "nanostores"
import { byUser, keep } from "./model"
import type {
  RawEntry,
  RememberAccounts,
  RememberAccountsOptions,
  RememberedAccount,
} from "./types"

// Only these fields are kept, whatever else the server adds to a user (it may leave `image` out).
const displayOf = ({
  user: { id, name, email, image = null },
  lastActiveAt,
}: {
  user: RememberedAccount["user"] | RawEntry["user"]
  lastActiveAt: number
}): RememberedAccount => ({ user: { id, name, email, image }, lastActiveAt })

/**
 * Keeps the accounts that leave this device (removed, expired or revoked elsewhere; signed
 * out of all too, with `keepOnSignOut`) on the store as `remembered`, signed out, so a
 * chooser can offer "Sign in again". Shared by the tabs through localStorage; where storage
 * is missing, full or holds something else, it keeps them in memory and says so once.
 *
 * @example
 * createAuthClient({ plugins: [multiSessionClient({ remember: rememberAccounts({ max: 5 }) })] })
 */
export function rememberAccounts({
  max = 5,
  keepOnSignOut,
}: RememberAccountsOptions = {}): RememberAccounts {
  return (store, actions, name) => {
    const { model, dispatch, $deviceSessions } = store
    const key = `multisession.remembered:${name}`
    let kept: RememberedAccount[] = []
    // Storage is used until it fails once; then the accounts stay in this tab's memory.
    let durable = true
    // The list last settled on, and how many were signed in: only news adds accounts.
    let seen: unknown
    let seenLength = 0

    const attempt = (act: () => void) => {
      try {
        if (durable) act()
      } catch (error) {
        durable = false
        console.warn(`multisession: remembered accounts kept in memory: ${error}`)
      }
    }
    // The accounts signed in here, the active one too when the server left it off a full
    // list; `null` while the list is not known.
    const live = () => {
      const { shown, active } = model()
      return shown && (active && !byUser(shown, active.user.id) ? [...shown, active] : shown)
    }
    const isLive = (id: string) => byUser(live(), id)
    // Reads what the other tabs wrote; with `next`, changes it, keeps `max` of the accounts
    // signed out and writes it back. Then shows the signed-out ones. The list stays in the
    // order last seen, the most recent first, so the oldest go first.
    function change(next?: (all: RememberedAccount[]) => RememberedAccount[]): void {
      attempt(() => {
        const text = localStorage.getItem(key) ?? "[]"
        const stored: RememberedAccount[] = JSON.parse(text)
        // Another app's value, or an old format, is not ours to read or overwrite: only what
        // this file writes reads back the same.
        if (JSON.stringify(stored.map(displayOf)) !== text) throw `${key} is not ours`
        kept = stored
      })
      if (next) {
        let left = max
        kept = next(kept).filter(({ user }) => isLive(user.id) || left-- > 0)
        attempt(() => localStorage.setItem(key, JSON.stringify(kept)))
      }
      const before = model().remembered
      const remembered = keep(
        live()
          ? kept
              .filter(({ user }) => !isLive(user.id))
              .slice(0, max)
              // An entry that did not change stays the same object: its row need not render.
              .map((account) => keep(account, byUser(before, account.user.id)))
          : [],
        before,
      )
      if (remembered !== before) dispatch({ remembered })
    }
    const without = (gone: (id: string) => unknown) => () =>
      change((all) => all.filter(({ user }) => !gone(user.id)))

    function settled(): void {
      const here = live()
      const { shown } = model()
      // News: another list, or an account signed in past its end.
      if (!here || (shown === seen && here.length === seenLength)) {
        change()
        return
      }
      seen = shown
      seenLength = here.length
      change((all) => [
        ...here.map(({ user }) => displayOf({ user, lastActiveAt: Date.now() })),
        ...all.filter(({ user }) => !isLive(user.id)),
      ])
    }
    onMount($deviceSessions, () => {
      // A server has no storage: what it renders remembers nothing.
      if (typeof window === "undefined") return
      // A store that starts from a server's payload may settle on no change.
      queueMicrotask(settled)
      const hear = () => change()
      addEventListener("storage", hear)
      return () => removeEventListener("storage", hear)
    })

    actions.forget = (userId) => without((id) => id === userId && !isLive(id))()
    actions.forgetAll = without((id) => !isLive(id))
    // A sign-out of all through this client is noted through the store's dispatch: every
    // account is forgotten (it works without a known list), before the other tabs hear of it.
    store.dispatch = (patch) => {
      if (patch.cause === "sign-out" && !keepOnSignOut) change(() => [])
      dispatch(patch)
    }
    return settled
  }
}
