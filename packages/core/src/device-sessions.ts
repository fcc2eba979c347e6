import { atom, onMount, type ReadableAtom, type WritableAtom } from "nanostores"
import { clientError, type MultiSessionError, toError } from "./errors"
import type {
  DeviceSession,
  DeviceSessionsState,
  DeviceSessionTarget,
  MultiSessionClientOptions,
  MutationResult,
} from "./types"

type RawEntry = Omit<DeviceSession, "isActive">

// The slice of better-auth's session atom this store reads; nothing else is assumed.
interface SessionState {
  data: unknown
  isPending: boolean
  isRefetching: boolean
}

// better-auth's $fetch, narrowed to what is used here.
export type AuthFetch = (
  path: string,
  options?: Record<string, unknown>,
) => Promise<{ data: unknown; error: unknown }>

// An answer is trusted only in the shape the server sends: a garbled body is an error, not data.
export const isEntry = (value: unknown): value is RawEntry => {
  const entry = value as RawEntry | null
  return typeof entry?.user?.id === "string" && typeof entry.session?.token === "string"
}
export const isList = (value: unknown): value is RawEntry[] =>
  Array.isArray(value) && value.every(isEntry)
const byUser = <E extends RawEntry>(entries: readonly E[] | null | undefined, id: unknown) =>
  entries?.find((entry) => entry.user.id === id)
// Real tokens are short URL-safe ids; anything else cannot name a cookie on this device.
const TOKEN_SHAPE = /^[\w.~+/=-]{1,512}$/

// better-auth turns dates into Date objects; JSON compares them by value, and the answers
// of one server always list their keys in the same order.
const keep = <T>(next: T, old: T | null | undefined): T =>
  old !== undefined && JSON.stringify(old) === JSON.stringify(next) ? (old as T) : next
// `{ data, error }`, as better-auth answers a failed call.
const failed = (error: unknown) => ({ data: null, error })

/** What `createDeviceSessions` hands the plugin, the bindings and the opt-in helpers. */
export interface DeviceSessionsController {
  $deviceSessions: ReadableAtom<DeviceSessionsState>
  /** Connects to better-auth's session atom and its signal, once the client has them. */
  connect(atoms: {
    session: ReadableAtom<SessionState>
    $sessionSignal: WritableAtom<boolean>
  }): void
  setActive(target: DeviceSessionTarget, fetchOptions?: object): Promise<MutationResult>
  revoke(target: DeviceSessionTarget, fetchOptions?: object): Promise<MutationResult>
  refetch(): Promise<void>
  /** The state a checked server payload stands for, without touching the store. */
  stateOf(list: readonly RawEntry[], session: RawEntry | null): DeviceSessionsState
  /** Starts the browser's store from a checked server payload, once, before any answer. */
  accept(list: readonly RawEntry[], session: RawEntry | null): void
}

export function createDeviceSessions(
  $fetch: AuthFetch,
  options: MultiSessionClientOptions = {},
): DeviceSessionsController {
  const { maximumSessions = 5, autoSwitch } = options
  if (!Number.isInteger(maximumSessions) || maximumSessions < 1) {
    throw new TypeError("multisession: maximumSessions must be a whole number ≥ 1")
  }

  let $session: ReadableAtom<SessionState>
  let $signal: WritableAtom<boolean>
  // Set while this store itself raises better-auth's signal, which is then not news for
  // the other tabs.
  let quiet = false
  const resignal = () => {
    quiet = true
    $signal.set(!$signal.get())
    quiet = false
  }

  // The last good list from the server; `shown` and `active` are the pair on screen.
  let list: readonly RawEntry[] | null = null
  let shown: readonly RawEntry[] | null = null
  let active: RawEntry | null = null
  let listError: MultiSessionError | null = null
  let actionError: MultiSessionError | null = null
  let inFlight: AbortController | undefined
  let hydrated = false
  let mounted = false
  // The other tabs of this origin hear of a change through a BroadcastChannel (in every
  // browser since 2022; without one they catch up when shown). A channel never hears its
  // own messages, and the message carries nothing: no token, no user data.
  let channel: BroadcastChannel | undefined
  // The calls under way are also the optimistic overlay, keyed by user id: the target of a
  // switch shows as active, a revoked entry is gone, until the server has answered.
  let switching: string | null = null
  let revoking: readonly string[] = []
  // Mutations run one after another, so the server sees them in the order the user made them.
  let queue: Promise<unknown> = Promise.resolve()

  const refetch = () => {
    actionError = null
    return revalidate()
  }

  // One pure step from what is known to the state, on the server and in the browser alike,
  // so a server render and the hydrated store agree. Whatever did not change keeps its
  // identity from `prev`, so subscribers are not told about nothing.
  function buildState(
    entries: readonly RawEntry[] | null,
    session: RawEntry | null,
    activeId: string | null | undefined,
    busy: boolean,
    prev?: DeviceSessionsState,
  ): DeviceSessionsState {
    const data =
      entries &&
      keep(
        entries
          .filter((raw) => !revoking.includes(raw.user.id))
          .map((raw) =>
            keep(
              { session: raw.session, user: raw.user, isActive: raw.user.id === activeId },
              byUser(prev?.data, raw.user.id),
            ),
          ),
        prev?.data,
      )
    // Past maximumSessions the server signs the user in but leaves them off the list.
    const activeNotListed =
      !!entries && !!session && session.user.id === activeId && !byUser(entries, activeId)
    const error = actionError ?? listError
    const next: DeviceSessionsState = {
      data,
      error,
      isPending: !data && (busy || !error),
      isRefetching: busy,
      refetch,
      active:
        data?.find((entry) => entry.isActive) ??
        (activeNotListed ? keep({ ...session, isActive: true }, prev?.active) : null),
      switching,
      revoking,
      isAtCapacity: (entries?.length ?? 0) >= maximumSessions,
      activeNotListed,
    }
    return prev && Object.keys(next).every((k) => next[k as "data"] === prev[k as "data"])
      ? prev
      : next
  }

  const $deviceSessions = atom(buildState(null, null, null, false))

  const sessionSettled = () => {
    const { isPending, isRefetching } = $session.get()
    return !mounted || (!isPending && !isRefetching)
  }

  function publish(): void {
    // The list and the active session are taken together only once both have settled,
    // so the screen never pairs a new list with an old active account.
    const sessionDone = sessionSettled()
    const settled = mounted && !inFlight && sessionDone
    if (settled) {
      shown = list
      const data = $session.get().data
      active = isEntry(data) ? data : null
    }
    const state = buildState(
      shown,
      active,
      switching ?? active?.user.id,
      !!inFlight || !sessionDone,
      $deviceSessions.get(),
    )
    $deviceSessions.set(state)
    if (settled && autoSwitch) autoSwitch(state, controller)
  }

  function fetchList(): void {
    inFlight?.abort()
    const request = new AbortController()
    inFlight = request
    publish()
    $fetch("/multi-session/list-device-sessions", { method: "GET", signal: request.signal })
      .catch(failed)
      .then(({ data, error }) => {
        if (inFlight !== request) return // a newer request owns the store now
        inFlight = undefined
        const before = list
        if (!error && isList(data)) {
          list = data
          listError = null
        } else listError = toError(error)
        // The session's latest answer names an account that just left the list: that
        // session may be gone too, so ask again (unless an answer is on its way already).
        const current = $session.get().data
        const activeId = isEntry(current) && current.user.id
        if (sessionSettled() && byUser(before, activeId) && !byUser(list, activeId)) resignal()
        publish()
      })
  }

  // Resolves once the list and the session have both settled (after any follow-up round).
  const settled = () =>
    new Promise<void>((resolve) => {
      const check = () => {
        if ($deviceSessions.get().isRefetching) return
        stop()
        resolve()
      }
      const stop = $deviceSessions.listen(check)
      check()
    })

  // Refreshes the session through better-auth's own signal, so every atom that depends on
  // who is signed in follows (this store's list follows the signal too).
  async function revalidate(): Promise<void> {
    hydrated = false
    resignal()
    if (mounted) await settled()
  }

  // Takes `unknown`: JavaScript callers can pass anything, and get a typed error for it.
  // A string or `{ userId }` names an account on the list; a token not listed here is
  // left for the server to judge.
  function resolveTarget(target: unknown): Partial<RawEntry> | MultiSessionError {
    const { userId, session, sessionToken } = Object(target) as {
      userId?: unknown
      session?: { token?: unknown }
      sessionToken?: unknown
    }
    const key = typeof target === "string" ? target : (userId ?? session?.token ?? sessionToken)
    if (typeof key !== "string" || !key.trim()) return clientError("SESSION_TOKEN_REQUIRED")
    const entry = list?.find((e) => e.user.id === key || e.session.token === key)
    if (entry) return entry
    if (userId !== undefined) return clientError("DEVICE_SESSION_NOT_FOUND")
    if (!TOKEN_SHAPE.test(key)) return clientError("SESSION_TOKEN_MALFORMED")
    return { session: { token: key } as RawEntry["session"] }
  }

  function mutate(
    kind: "set-active" | "revoke",
    target: DeviceSessionTarget,
    fetchOptions?: object,
  ): Promise<MutationResult> {
    const resolved = resolveTarget(target)
    if ("code" in resolved) {
      actionError = resolved
      publish()
      return Promise.resolve(failed(resolved) as MutationResult)
    }
    const userId = resolved.user?.id
    const isSwitch = kind === "set-active"
    // The optimistic change shows at once; the request waits its turn in the queue.
    actionError = null
    if (isSwitch) switching = userId ?? null
    else if (userId) revoking = [...revoking, userId]
    publish()
    const settle = () => {
      if (!isSwitch) revoking = revoking.filter((id) => id !== userId)
      else if (switching === userId) switching = null
    }
    const run = async (): Promise<MutationResult> => {
      const { data, error } = await $fetch(`/multi-session/${kind}`, {
        ...fetchOptions,
        method: "POST",
        body: { sessionToken: resolved.session?.token },
      }).catch(failed)
      if (error) {
        // Roll back at once, then ask the server: it may know something this tab does not
        // (removed in another tab), or have acted on a request whose answer was lost.
        const failure = toError(error)
        settle()
        actionError = failure
        publish()
        await revalidate()
        return failed(failure) as MutationResult
      }
      channel?.postMessage(0)
      // Removing another account leaves the session as it was: only the list needs asking.
      if (isSwitch || !userId || userId === active?.user.id) await revalidate()
      else if (mounted) {
        fetchList()
        await settled()
      }
      settle()
      publish()
      return { data, error: null }
    }
    queue = queue.then(run)
    return queue as Promise<MutationResult>
  }

  onMount($deviceSessions, () => {
    if (typeof window === "undefined") return
    mounted = true
    const stops = [
      $session.listen((value) => {
        // Whenever better-auth refreshes the session (on focus, back online, a sign-out in
        // another tab, its polling), the list is refreshed with it; after hydration, the
        // session's first refresh is only its own check of the hydrated session.
        if (value.isRefetching && !inFlight) {
          if (hydrated) hydrated = false
          else fetchList()
        }
        publish()
      }),
      $signal.listen(fetchList),
    ]
    if (hydrated) publish()
    else fetchList()
    return () => {
      mounted = false
      for (const stop of stops) stop()
      // Forget the request in flight: its answer belongs to nobody now.
      inFlight?.abort()
      inFlight = undefined
    }
  })

  const controller: DeviceSessionsController = {
    $deviceSessions,
    connect(atoms) {
      $session = atoms.session
      $signal = atoms.$sessionSignal
      if (typeof window === "undefined" || typeof BroadcastChannel !== "function") return
      channel = new BroadcastChannel("multisession")
      channel.onmessage = () => mounted && resignal()
      // Whatever better-auth signals in this tab (a sign-in, a sign-out, a user update…)
      // is news for the other tabs too.
      $signal.listen(() => quiet || channel?.postMessage(0))
    },
    setActive: (target, fetchOptions) => mutate("set-active", target, fetchOptions),
    revoke: (target, fetchOptions) => mutate("revoke", target, fetchOptions),
    refetch,
    stateOf: (entries, session) => buildState(entries, session, session?.user.id, false),
    accept(entries, session) {
      // On the server one client may serve many requests: its store must stay empty there.
      if (typeof window === "undefined" || hydrated || list) return
      list = shown = entries
      active = session
      hydrated = true
      publish()
    },
  }
  return controller
}
