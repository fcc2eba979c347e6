import type { Session, User } from "better-auth"
import type { BetterAuthClientOptions } from "better-auth/client"
import type { ReadableAtom } from "nanostores"
import type { MultiSessionError } from "./errors"

/**
 * One account signed in on this device.
 *
 * @example
 * const entry: DeviceSession = state.data[0]
 * entry.isActive // true for the account the app acts as now
 */
export interface DeviceSession<S = Session, U = User> {
  session: S
  user: U
  /** This is the session the app is signed in as now. */
  isActive: boolean
}

/** An entry as the server lists it, before the store marks the active one. */
export type RawEntry = Omit<DeviceSession, "isActive">

/**
 * The value of the device-session store: better-auth's `useSession` shape, plus what an
 * account switcher needs to draw pending buttons and the capacity note.
 *
 * @example
 * authClient.useDeviceSessions.subscribe(({ data, isPending, switching }) => render(data))
 */
export interface DeviceSessionsState<E extends DeviceSession<unknown, unknown> = DeviceSession> {
  /** Every account on this device, `null` until the first answer. */
  data: E[] | null
  /** The last failure of a refresh, switch or revoke (see its `action`); `data` stays as it was. */
  error: MultiSessionError | null
  /** Nothing to show yet. */
  isPending: boolean
  /** A request is under way; `data` still shows the last good answer. */
  isRefetching: boolean
  /** Fetches the list and the session again and clears `error`. */
  refetch: () => Promise<void>
  /** The account the app is signed in as, listed or not; `null` when signed out. */
  active: E | null
  /** The user id a switch is under way to. */
  switching: string | null
  /** The user ids being removed from this device. */
  revoking: readonly string[]
  /** The list holds `maximumSessions` accounts: one more sign-in will not be kept on it. */
  isAtCapacity: boolean
  /** Signed in as an account the server left off the list, because the device was full. */
  activeNotListed: boolean
  /**
   * Accounts that left this device, in the order last seen, with `rememberAccounts()`:
   * display data only, never a token. Always `[]` without it, and until the list is known.
   */
  remembered: readonly RememberedAccount[]
  /** Drops one remembered account from this device (an account still signed in stays). */
  forget: (userId: string) => void
  /** Drops every remembered account from this device. */
  forgetAll: () => void
}

/**
 * An account that left this device, kept on the chooser by `rememberAccounts()`: what a
 * "Signed out" row shows, and nothing the server would take as a credential.
 *
 * @example
 * const row = (account: RememberedAccount) => `${account.user.name} <${account.user.email}>`
 */
export interface RememberedAccount {
  user: { id: string; name: string; email: string; image: string | null }
  /**
   * The last time this device saw it signed in, in ms since the epoch: stamped whenever the
   * server's list (or the active account) changed while it was on it.
   */
  lastActiveAt: number
}

/**
 * Options of `rememberAccounts()`.
 *
 * @example
 * const options: RememberAccountsOptions = { max: 3, keepOnSignOut: true }
 */
export interface RememberAccountsOptions {
  /** How many signed-out accounts to keep (a whole number ≥ 1); the oldest go first. Default 5. */
  max?: number
  /**
   * Keep the remembered accounts through a sign-out of all (better-auth's `signOut()` on this
   * client). Default false: that sign-out forgets every account on this device.
   */
  keepOnSignOut?: boolean
}

/** What the store hands `rememberAccounts()`; the slice of core's controller it uses. */
export interface RememberLink {
  model(): {
    shown: readonly RawEntry[] | null
    active: RawEntry | null
    remembered: readonly RememberedAccount[]
  }
  dispatch(patch: {
    remembered?: readonly RememberedAccount[]
    cause?: AccountChangeCause | null
  }): void
  $deviceSessions: ReadableAtom<unknown>
}

/** What `rememberAccounts()` gives the store: called with each settled state. */
export type Remembering = () => void

/**
 * Made by `rememberAccounts()`, passed as `multiSessionClient({ remember })`. Opt-in, so an
 * app that does not use it does not ship it.
 */
export type RememberAccounts = (
  store: RememberLink,
  /** The calls each state hands out: `forget` and `forgetAll` are filled in. */
  actions: Pick<DeviceSessionsState, "forget" | "forgetAll">,
  /** The auth server's base URL, which names the storage key. */
  name: string,
) => Remembering

/**
 * What the server loads for a first render: the device's list and the current session,
 * exactly as `auth.api.listDeviceSessions` and `auth.api.getSession` return them.
 *
 * @example
 * const payload: DeviceSessionsPayload = {
 *   list: await auth.api.listDeviceSessions({ headers }),
 *   session: await auth.api.getSession({ headers }),
 * }
 */
export interface DeviceSessionsPayload<S = Session, U = User> {
  list: readonly { session: S; user: U }[] | null
  session: { session: S; user: U } | null
}

/**
 * Which account `setActive` or `revoke` acts on: the entry itself, its user id, or a
 * session token. Prefer the entry or the user id: app code never needs to read a token.
 * The account is looked up when the call runs, so a call queued behind another still
 * reaches the account if it signed in again meanwhile.
 *
 * @example
 * authClient.multiSession.setActive(entry)
 * authClient.multiSession.revoke({ userId: entry.user.id })
 */
export type DeviceSessionTarget =
  | { user: { id: string }; session: { token: string } }
  | { userId: string }
  | { sessionToken: string }

/**
 * `{ data, error }`, as every better-auth call answers; the same for every target form.
 *
 * @example
 * const { data, error } = await authClient.multiSession.setActive({ userId })
 * if (error) toast(`Couldn't switch: ${error.message}`)
 * else console.log(data.user.name)
 */
export type MutationResult<T = unknown> =
  | { data: T; error: null }
  | { data: null; error: MultiSessionError }

/**
 * better-auth's fetch options for one `setActive` or `revoke` call (headers, `signal`,
 * `onSuccess`…). `method` and `body` are this plugin's, and `throw` is always off: the call
 * answers `{ data, error }` whatever the client's own `fetchOptions` say.
 *
 * @example
 * await authClient.multiSession.setActive(entry, { headers: { "x-request-id": id } })
 */
export type MultiSessionFetchOptions = Omit<
  NonNullable<BetterAuthClientOptions["fetchOptions"]>,
  "method" | "body" | "throw"
>

/**
 * Options of `multiSessionClient()`. Focus, online and polling refreshes follow better-auth's
 * own `sessionOptions`: the list is refreshed whenever the session is.
 *
 * @example
 * multiSessionClient({ maximumSessions: 3, autoSwitch: autoSwitch("most-recent") })
 */
export interface MultiSessionClientOptions {
  /** The server's `maximumSessions`, so the store can tell when the device is full. Default 5. */
  maximumSessions?: number
  /**
   * What to do when the active session vanishes (expired, or revoked from another device)
   * while other accounts are still signed in here: `autoSwitch("most-recent" | "first")`.
   * Default: stay signed out.
   */
  autoSwitch?: AutoSwitch
  /**
   * Keep the accounts that leave this device on the chooser as `remembered`, signed out:
   * `rememberAccounts({ max })`. Default: off, nothing stored.
   */
  remember?: RememberAccounts
}

/**
 * The second argument of every binding (`useDeviceSessions`, `deviceSessions`).
 *
 * @example
 * const options: DeviceSessionsOptions = { fields: ["data", "active"] }
 */
export interface DeviceSessionsOptions<S = Session, U = User> {
  /**
   * The device's list and session as a server loaded them: the server renders from it, and
   * the browser's store starts from it without a request.
   */
  payload?: DeviceSessionsPayload<S, U> | null
  /** Notify only when these fields change; the others may be stale in what is handed out. */
  fields?: readonly (keyof DeviceSessionsState)[]
}

/**
 * Called with each settled state (the list and the session both answered); `autoSwitch()`
 * makes one. Opt-in, so an app that does not use it does not ship it.
 *
 * @example
 * const logActive: AutoSwitch = (state) => console.log(state.active?.user.id)
 */
export type AutoSwitch = (
  state: DeviceSessionsState,
  sessions: { setActive(target: DeviceSessionTarget): Promise<MutationResult> },
) => void

/**
 * Why the account the app acts as changed: `"switch"` (`setActive` in this tab), `"revoke"`
 * (this tab removed the active account and the server promoted another, or none),
 * `"auto-switch"` (`autoSwitch()` recovered), `"sign-in"` / `"sign-out"` (in this tab),
 * `"other-tab"` (a change made in another tab of this origin), `"session-lost"` (the session
 * expired, or was revoked from another device).
 */
export type AccountChangeCause =
  | "switch"
  | "revoke"
  | "auto-switch"
  | "sign-in"
  | "sign-out"
  | "other-tab"
  | "session-lost"

/**
 * One change of the account the app acts as, heard by `onAccountChange`.
 *
 * @example
 * onAccountChange(authClient, ({ from, to, cause }) => console.log(from?.id, "→", to?.id, cause))
 */
export interface AccountChange<U = User> {
  from: U | null
  to: U | null
  cause: AccountChangeCause
}
