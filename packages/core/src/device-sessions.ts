import { atom, onMount, type ReadableAtom, type WritableAtom } from "nanostores"
import { listenForChanges, newClientId } from "./cross-tab"
import { isEqual } from "./equality"
import { clientError, type MultiSessionError, toError } from "./errors"
import { mostRecentFirst, rememberActive } from "./recent-accounts"
import type {
  DeviceSession,
  DeviceSessionsPayload,
  DeviceSessionsState,
  DeviceSessionTarget,
  MultiSessionClientOptions,
  MutationResult,
} from "./types"

type RawEntry = Omit<DeviceSession, "isActive">

// The slice of better-auth's session atom this store reads; nothing else is assumed.
interface SessionState {
  data: RawEntry | null
  isPending: boolean
  isRefetching: boolean
}

// better-auth's $fetch, narrowed to what is used here.
export type AuthFetch = (
  path: string,
  options?: Record<string, unknown>,
) => Promise<{ data: unknown; error: unknown }>

const FOCUS_THROTTLE_MS = 5_000

// An answer is trusted only in the shape the server sends: a garbled body is an error, not data.
const isEntry = (value: unknown): value is RawEntry => {
  const entry = value as RawEntry | null
  return typeof entry?.user?.id === "string" && typeof entry.session?.token === "string"
}
// Real tokens are short URL-safe ids; anything else cannot name a cookie on this device.
const TOKEN_SHAPE = /^[\w.~+/=-]{1,512}$/

interface View {
  list: readonly RawEntry[] | null
  active: RawEntry | null
  activeId: string | null
  error: MultiSessionError | null
  loading: boolean
  pending: boolean
  switching: string | null
  revoking: ReadonlySet<string>
  autoSwitched: DeviceSessionsState["autoSwitched"]
  maximumSessions: number
  refetch: () => Promise<void>
}

// One pure function turns what is known into the state, on the server and in the browser
// alike, so a server render and the hydrated store agree to the byte. Whatever did not
// change keeps its identity from `prev`, so subscribers are not told about nothing.
function buildState(view: View, prev?: DeviceSessionsState): DeviceSessionsState {
  const keep = <T>(next: T, old: T | undefined): T =>
    old !== undefined && isEqual(old, next) ? old : next
  let data: DeviceSession[] | null = null
  if (view.list) {
    data = view.list
      .filter((raw) => !view.revoking.has(raw.user.id))
      .map((raw) =>
        keep(
          { session: raw.session, user: raw.user, isActive: raw.user.id === view.activeId },
          prev?.data?.find((old) => old.user.id === raw.user.id),
        ),
      )
    data = keep(data, prev?.data ?? undefined)
  }
  let active = data?.find((entry) => entry.isActive) ?? null
  // Past maximumSessions the server signs the user in but leaves them off the list.
  const activeNotListed =
    !!data &&
    !active &&
    !!view.active &&
    view.active.user.id === view.activeId &&
    !view.revoking.has(view.activeId)
  if (activeNotListed && view.active) {
    active = keep({ ...view.active, isActive: true }, prev?.active ?? undefined)
  }
  const next: DeviceSessionsState = {
    data,
    error: view.error,
    isPending: data === null && (view.loading || view.pending || !view.error),
    isRefetching: view.loading || view.pending,
    refetch: view.refetch,
    active,
    switching: view.switching,
    revoking: keep([...view.revoking], prev?.revoking as string[] | undefined),
    isAtCapacity: (view.list?.length ?? 0) >= view.maximumSessions,
    activeNotListed,
    autoSwitched: view.autoSwitched,
  }
  return prev &&
    (Object.keys(next) as (keyof DeviceSessionsState)[]).every((k) => next[k] === prev[k])
    ? prev
    : next
}

function checkPayload(payload: DeviceSessionsPayload): void {
  const { list, session } = (payload ?? {}) as Partial<DeviceSessionsPayload>
  if (
    typeof payload !== "object" ||
    (list != null && !(Array.isArray(list) && list.every(isEntry))) ||
    (session != null && !isEntry(session))
  ) {
    throw new TypeError(
      "multisession: expected a payload { list: DeviceSession[] | null, session }",
    )
  }
}

/** What `createDeviceSessions` hands the plugin and the bindings. */
export interface DeviceSessionsController {
  /** This client's id in cross-tab messages, so it ignores its own. */
  id: string
  $deviceSessions: ReadableAtom<DeviceSessionsState>
  /** Connects to better-auth's session atom and its signal, once the client has them. */
  connect(session: ReadableAtom<SessionState>, sessionSignal: WritableAtom<boolean>): void
  setActive(target: DeviceSessionTarget, fetchOptions?: object): Promise<MutationResult>
  revoke(target: DeviceSessionTarget, fetchOptions?: object): Promise<MutationResult>
  refetch(): Promise<void>
  hydrate(payload: DeviceSessionsPayload): void
  snapshot(payload: DeviceSessionsPayload): DeviceSessionsState
  initialState(payload?: DeviceSessionsPayload): DeviceSessionsState | null
  select(fields?: readonly (keyof DeviceSessionsState)[]): () => DeviceSessionsState
}

export function createDeviceSessions(
  $fetch: AuthFetch,
  options: MultiSessionClientOptions = {},
): DeviceSessionsController {
  const maximumSessions = options.maximumSessions ?? 5
  if (!Number.isInteger(maximumSessions) || maximumSessions < 1) {
    throw new TypeError("multisession: maximumSessions must be a whole number of at least 1")
  }
  const id = newClientId()

  let $session: ReadableAtom<SessionState> | undefined
  let $signal: WritableAtom<boolean> | undefined

  // Last good answer from the server; `shown` and `activeSession` are the pair on screen.
  let list: readonly RawEntry[] | null = null
  let shown: readonly RawEntry[] | null = null
  let activeSession: RawEntry | null = null
  let listError: MultiSessionError | null = null
  let actionError: MultiSessionError | null = null
  let listLoading = false
  let hydrated = false
  let requestId = 0
  let inFlight: AbortController | undefined
  let lastRefresh: Promise<void> = Promise.resolve()
  let mounted = false
  let autoSwitched: DeviceSessionsState["autoSwitched"] = null
  let recovering = false

  // The calls under way are also the optimistic overlay, keyed by user id: the target of a
  // switch shows as active, a revoked entry is gone, until the server has answered.
  let switching: string | null = null
  const revoking = new Set<string>()
  // Mutations run one after another, so the server sees them in the order the user made them.
  let queue: Promise<unknown> = Promise.resolve()

  const refetch = () => {
    actionError = null
    return revalidate()
  }

  const view = (): View => ({
    list: shown,
    active: activeSession,
    activeId: switching ?? activeSession?.user.id ?? null,
    error: actionError ?? listError,
    loading: listLoading,
    pending: !sessionSettled(),
    switching,
    revoking,
    autoSwitched,
    maximumSessions,
    refetch,
  })

  const $deviceSessions = atom<DeviceSessionsState>(buildState(view()))

  function sessionSettled(): boolean {
    if (!mounted) return true
    const value = $session?.get()
    return !value || (!value.isPending && !value.isRefetching)
  }

  function publish(): void {
    // The list and the active session are taken together only once both have settled,
    // so the screen never pairs a new list with an old active account.
    if (mounted && !listLoading && sessionSettled()) {
      shown = list
      const data = $session?.get().data
      activeSession = isEntry(data) ? data : null
      if (!activeSession) recover()
      else if (options.autoSwitch === "most-recent")
        rememberActive(activeSession.user.id, list ?? [])
    }
    $deviceSessions.set(buildState(view(), $deviceSessions.get()))
  }

  // The active session vanished (expired, or revoked from another device) while other
  // accounts are still signed in here: switch to one of them instead of signing out.
  function recover(): void {
    const mode = options.autoSwitch
    const candidates = list?.filter((entry) => !revoking.has(entry.user.id)) ?? []
    if (!mode || recovering || switching || !candidates.length) return
    const ordered = mode === "most-recent" ? mostRecentFirst(candidates) : candidates
    const target = ordered[0] as RawEntry
    const from = $deviceSessions.get().active?.user.id ?? null
    recovering = true
    mutate("set-active", target).then(({ error }) => {
      recovering = false
      if (error) return
      autoSwitched = { from, to: target.user.id }
      publish()
      options.onAutoSwitch?.({ from, to: target.user.id })
    })
  }

  function fetchList(): Promise<void> {
    if (typeof window === "undefined") return Promise.resolve()
    const request = ++requestId
    hydrated = false
    inFlight?.abort()
    const controller = new AbortController()
    inFlight = controller
    listLoading = true
    publish()
    const settle = (apply: () => void) => {
      if (request !== requestId) return // a newer request owns the store now
      listLoading = false
      inFlight = undefined
      const before = list
      apply()
      // The session's latest answer names an account that just left the list: that session
      // may be gone too, so ask again (unless an answer is on its way already).
      const current = $session?.get().data
      const activeId = isEntry(current) ? current.user.id : null
      if (
        $signal &&
        activeId &&
        sessionSettled() &&
        before?.some((e) => e.user.id === activeId) &&
        !list?.some((e) => e.user.id === activeId)
      ) {
        $signal.set(!$signal.get())
      }
      publish()
    }
    lastRefresh = $fetch("/multi-session/list-device-sessions", {
      method: "GET",
      signal: controller.signal,
    }).then(
      ({ data, error }) =>
        settle(() => {
          if (error || !Array.isArray(data) || !data.every(isEntry)) listError = toError(error)
          else {
            list = data as RawEntry[]
            listError = null
          }
        }),
      (cause) => settle(() => (listError = toError(cause))),
    )
    return lastRefresh
  }

  // Refreshes the session (through better-auth's own signal, so every atom that depends on
  // who is signed in follows) and the list, and resolves once both have settled.
  async function revalidate(): Promise<void> {
    hydrated = false
    if ($signal) $signal.set(!$signal.get())
    if (!mounted) return
    if (!$signal) await fetchList()
    await lastRefresh
    await new Promise<void>((resolve) => {
      if (!$session || sessionSettled()) return resolve()
      const stop = $session.listen(() => {
        if (sessionSettled()) {
          stop()
          resolve()
        }
      })
    })
  }

  // Takes `unknown`: JavaScript callers can pass anything, and get a typed error for it.
  function resolveTarget(
    target: unknown,
  ): { token: string; userId: string | null } | MultiSessionError {
    const entries = list ?? []
    const byUser = (id: string) => entries.find((e) => e.user.id === id)
    if (target && typeof target === "object") {
      const { userId, session, sessionToken } = target as {
        userId?: unknown
        session?: { token?: unknown }
        sessionToken?: unknown
      }
      if (typeof userId === "string" && userId) {
        const entry = byUser(userId)
        return entry
          ? { token: entry.session.token, userId }
          : clientError("DEVICE_SESSION_NOT_FOUND")
      }
      return resolveTarget(session ? session.token : sessionToken)
    }
    if (typeof target !== "string" || !target.trim()) return clientError("SESSION_TOKEN_REQUIRED")
    const entry = byUser(target)
    if (entry) return { token: entry.session.token, userId: target }
    if (!TOKEN_SHAPE.test(target)) return clientError("SESSION_TOKEN_MALFORMED")
    return {
      token: target,
      userId: entries.find((e) => e.session.token === target)?.user.id ?? null,
    }
  }

  function mutate(
    kind: "set-active" | "revoke",
    target: DeviceSessionTarget,
    fetchOptions: object = {},
  ): Promise<MutationResult> {
    const resolved = resolveTarget(target)
    if ("code" in resolved) {
      actionError = resolved
      publish()
      return Promise.resolve({ data: null, error: resolved })
    }
    const { token, userId } = resolved
    // The optimistic change shows at once; the request waits its turn in the queue.
    actionError = null
    const isSwitch = kind === "set-active"
    if (isSwitch) switching = userId
    else if (userId) revoking.add(userId)
    publish()
    const settle = () => {
      if (!isSwitch) revoking.delete(userId as string)
      else if (switching === userId) switching = null
    }
    const run = async (): Promise<MutationResult> => {
      let result: MutationResult
      try {
        const res = await $fetch(`/multi-session/${kind}`, {
          ...fetchOptions,
          method: "POST",
          body: { sessionToken: token },
        })
        result = res.error
          ? { data: null, error: toError(res.error) }
          : { data: res.data, error: null }
      } catch (cause) {
        result = { data: null, error: toError(cause) }
      }
      if (result.error) {
        settle()
        actionError = result.error
        publish()
        // The server may know something this tab does not (removed in another tab), or may
        // have acted on a request whose answer was lost: ask it again either way.
        await revalidate()
        return result
      }
      if (isSwitch) autoSwitched = null
      // Removing another account leaves the session as it was: only the list needs asking.
      if (!isSwitch && userId && userId !== activeSession?.user.id) {
        if (mounted) await fetchList()
      } else await revalidate()
      settle()
      publish()
      return result
    }
    const next = queue.then(run, run)
    queue = next
    return next
  }

  function fromPayload(payload: DeviceSessionsPayload): void {
    checkPayload(payload)
    const entries = payload.list
    const session = payload.session
    list = entries ? [...entries] : []
    shown = list
    activeSession = session ?? null
    listError = null
  }

  function hydrate(payload: DeviceSessionsPayload): void {
    // On the server one client may serve many requests: its store must stay empty there.
    if (typeof window === "undefined" || hydrated || list) return
    fromPayload(payload)
    hydrated = true
    $deviceSessions.set(buildState(view(), $deviceSessions.get()))
  }

  function snapshot(payload: DeviceSessionsPayload): DeviceSessionsState {
    checkPayload(payload)
    return buildState({
      ...view(),
      list: payload.list ? [...payload.list] : [],
      active: payload.session ?? null,
      activeId: payload.session?.user.id ?? null,
      error: null,
      loading: false,
      pending: false,
    })
  }

  onMount($deviceSessions, () => {
    if (typeof window === "undefined" || !$session) return
    mounted = true
    const stops = [
      $session.listen(publish),
      $signal ? $signal.listen(fetchList) : () => {},
      listenForChanges(id, () => {
        if ($signal) $signal.set(!$signal.get())
        else fetchList()
      }),
    ]
    let lastFocus = Date.now()
    const onFocus = () => {
      if (document.visibilityState === "hidden") return
      if (Date.now() - lastFocus < (options.focusThrottleMs ?? FOCUS_THROTTLE_MS)) return
      lastFocus = Date.now()
      fetchList()
    }
    const onOnline = () => fetchList()
    if (options.refetchOnWindowFocus !== false) {
      window.addEventListener("focus", onFocus)
      document.addEventListener("visibilitychange", onFocus)
    }
    window.addEventListener("online", onOnline)
    if (hydrated) publish()
    else fetchList()
    return () => {
      mounted = false
      for (const stop of stops) stop()
      window.removeEventListener("focus", onFocus)
      document.removeEventListener("visibilitychange", onFocus)
      window.removeEventListener("online", onOnline)
      // Forget the request in flight: its answer belongs to nobody now.
      requestId++
      inFlight?.abort()
      inFlight = undefined
      listLoading = false
    }
  })

  return {
    id,
    $deviceSessions,
    connect(session, sessionSignal) {
      $session = session
      $signal = sessionSignal
    },
    setActive: (target, fetchOptions) => mutate("set-active", target, fetchOptions),
    revoke: (target, fetchOptions) => mutate("revoke", target, fetchOptions),
    refetch,
    hydrate,
    snapshot,
    select(fields) {
      // The same snapshot back while the fields a reader asked for stay the same.
      let last: DeviceSessionsState | undefined
      return () => {
        const next = $deviceSessions.get()
        if (!last || !fields || fields.some((field) => last?.[field] !== next[field])) last = next
        return last
      }
    },
    initialState(payload) {
      if (!payload) return null
      if (typeof window === "undefined") return snapshot(payload)
      hydrate(payload)
      return null
    },
  }
}
