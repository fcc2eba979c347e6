// Everything follows the switch, opt-in: an app that does not import these does not ship them.
// They read the store's model, where the list and the session settle together, so a change
// is seen only once better-auth's session holds the new account (its cookie is set).
import { computed, type ReadableAtom } from "nanostores"
import type { DeviceSessionsController } from "./controller"
import { getDeviceSessions, type MultiSessionAuthClient } from "./get-device-sessions"
import { causeNoted, type Model } from "./model"
import type { AccountChange } from "./types"

type UserOf<C extends MultiSessionAuthClient> = C["$Infer"]["Session"]["user"]
type Listener<U> = (change: AccountChange<U>) => void

const controllerOf = (client: MultiSessionAuthClient) =>
  getDeviceSessions(client) as unknown as DeviceSessionsController

/** The store has had its first answer. */
const answered = (m: Model) => !!m.shown || !!m.listError
/** ...and nothing is being fetched: the account on screen is the one better-auth holds. */
const known = (m: Model) => !m.listing && !m.sessionBusy && answered(m)
const idOf = (m: Model) => m.active?.user.id ?? null

const report = (error: unknown) => (globalThis.reportError ?? console.error)(error)

// One watcher per client, however many listeners: the cause is spent once, for all of them.
const watchers = new WeakMap<DeviceSessionsController, (listener: Listener<never>) => () => void>()

function watch(controller: DeviceSessionsController) {
  const listeners = new Set<Listener<never>>()
  // The account last seen settled; `undefined` until the store's first answer.
  let from: Model["active"] | undefined
  let stop = () => {}

  function hear(): void {
    const m = controller.model()
    if (!known(m)) return
    const to = m.active
    const before = from
    from = to
    if (before === undefined || (before?.user.id ?? null) === idOf(m)) {
      // Nothing changed: whatever was noted did not change the account.
      if (m.cause) controller.dispatch(causeNoted(null))
      return
    }
    const change = {
      from: before?.user ?? null,
      to: to?.user ?? null,
      cause: m.cause ?? (to ? "other-tab" : "session-lost"),
    } as AccountChange<never>
    controller.dispatch(causeNoted(null))
    for (const listener of [...listeners]) {
      try {
        listener(change)
      } catch (error) {
        report(error)
      }
    }
  }

  return (listener: Listener<never>) => {
    listeners.add(listener)
    if (listeners.size === 1) {
      const m = controller.model()
      // The account on screen changes only once both have settled: it is the last one seen,
      // even while a refresh is under way. A cause noted while nobody listened belongs to a
      // change already past, unless that change is still settling.
      from = answered(m) ? m.active : undefined
      if (known(m)) controller.dispatch(causeNoted(null))
      stop = controller.$deviceSessions.listen(hear)
    }
    return () => {
      if (listeners.delete(listener) && !listeners.size) stop()
    }
  }
}

/**
 * Calls `listener` once for each real change of the account the app acts as (`from` and `to`
 * are users, `null` when signed out), in whichever tab of the origin it happens, and never
 * for a refresh that changed nothing. It runs once better-auth's session holds the new
 * account, so what it refetches goes out with the new cookie. Keeps the store live while
 * subscribed. Returns the unsubscribe.
 *
 * @example
 * onAccountChange(authClient, ({ cause }) => {
 *   queryClient.clear()
 *   if (cause === "session-lost") toast("You were signed out")
 * })
 */
export function onAccountChange<C extends MultiSessionAuthClient>(
  client: C,
  listener: (change: AccountChange<UserOf<C>>) => void,
): () => void {
  const controller = controllerOf(client)
  let add = watchers.get(controller)
  if (!add) {
    add = watch(controller)
    watchers.set(controller, add)
  }
  return add(listener as Listener<never>)
}

export interface AccountState {
  /** The user id of the account the app acts as, once settled; `null` when signed out. */
  key: string | null
  /**
   * Not yet known (before the first answer), or on its way out: this tab is switching away
   * from it or removing it. What belongs to the account should not show meanwhile.
   */
  pending: boolean
}

const accounts = new WeakMap<DeviceSessionsController, ReadableAtom<AccountState>>()

/**
 * The account the app acts as, as a store that changes only when that account does:
 * `key` (its user id, to key what belongs to it) and `pending`. The bindings'
 * `AccountBoundary` and `useAccountKey` are built on it.
 *
 * @example
 * accountState(authClient).subscribe(({ key, pending }) => pending || loadInbox(key))
 */
export function accountState(client: MultiSessionAuthClient): ReadableAtom<AccountState> {
  const controller = controllerOf(client)
  let $account = accounts.get(controller)
  if (!$account) {
    let last: AccountState | undefined
    $account = computed(controller.$deviceSessions, () => {
      const m = controller.model()
      // First read while a refresh is under way (a hydrated store's session check): the
      // account on screen is the one to key by, as the server render did.
      const key = known(m) || (!last && answered(m)) ? idOf(m) : (last?.key ?? null)
      const pending =
        !answered(m) || (!!m.switching && m.switching !== key) || m.revoking.includes(key as string)
      if (key !== last?.key || pending !== last.pending) last = { key, pending }
      return last
    })
    accounts.set(controller, $account)
  }
  return $account
}

const keys = new WeakMap<DeviceSessionsController, ReadableAtom<string | null>>()

/**
 * The user id of the account the app acts as, as a store: Svelte's `{#key $key}`, a query
 * key, anything that must start afresh for another account. `null` when signed out.
 *
 * @example
 * accountKey(authClient).subscribe((key) => console.log("now acting as", key))
 */
export function accountKey(client: MultiSessionAuthClient): ReadableAtom<string | null> {
  const controller = controllerOf(client)
  let $key = keys.get(controller)
  if (!$key) {
    $key = computed(accountState(client), ({ key }) => key)
    keys.set(controller, $key)
  }
  return $key
}
