import { atom, onMount, type ReadableAtom, type WritableAtom } from "nanostores"
import { listenForChanges, newClientId } from "./cross-tab"
import { isEqual } from "./equality"
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
  data: RawEntry | null
  isPending: boolean
  isRefetching: boolean
}

// better-auth's $fetch, narrowed to what is used here.
export type AuthFetch = (
  path: string,
  options?: Record<string, unknown>,
) => Promise<{ data: unknown; error: unknown }>

const LIST_PATH = "/multi-session/list-device-sessions"
const FOCUS_THROTTLE_MS = 5_000
// Real tokens are short URL-safe ids; anything else cannot name a cookie on this device.
const TOKEN_SHAPE = /^[\w.~+/=-]{1,512}$/

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
  hydrate(list: readonly RawEntry[] | null, activeUserId?: string | null): void
}

export function createDeviceSessions(
  $fetch: AuthFetch,
  options: MultiSessionClientOptions = {},
): DeviceSessionsController {
  const maximumSessions = options.maximumSessions ?? 5
  const id = newClientId()

  let $session: ReadableAtom<SessionState> | undefined
  let $signal: WritableAtom<boolean> | undefined

  // Last good answer from the server, and the session it was shown with.
  let list: readonly RawEntry[] | null = null
  let activeUserId: string | null = null
  let listError: MultiSessionError | null = null
  let actionError: MultiSessionError | null = null
  let listLoading = false
  let hydrated = false
  let requestId = 0
  let inFlight: AbortController | undefined
  let lastRefresh: Promise<void> = Promise.resolve()
  let mounted = false

  // Optimistic overlay, keyed by user id, undone exactly on failure.
  let optimisticActive: string | null = null
  const optimisticRemoved = new Set<string>()
  let switching: string | null = null
  const revoking = new Set<string>()
  // Mutations run one after another, so the server sees them in the order the user made them.
  let queue: Promise<unknown> = Promise.resolve()

  const refetch = () => {
    actionError = null
    return revalidate()
  }

  const $deviceSessions = atom<DeviceSessionsState>({
    data: null,
    error: null,
    isPending: true,
    isRefetching: false,
    refetch,
    active: null,
    switching: null,
    revoking: [],
    isAtCapacity: false,
    activeNotListed: false,
  })

  const sessionSettled = () => {
    const value = $session?.get()
    return !value || (!value.isPending && !value.isRefetching)
  }

  function publish(): void {
    // The list and the active session are taken together only once both have settled,
    // so the screen never pairs a new list with an old active account.
    if (!listLoading && sessionSettled()) {
      activeUserId = $session?.get().data?.user.id ?? null
    }
    const prev = $deviceSessions.get()
    const activeId = optimisticActive ?? activeUserId
    const visible = list?.filter((entry) => !optimisticRemoved.has(entry.user.id)) ?? null
    let data: DeviceSession[] | null = null
    if (visible) {
      const entries = visible.map((raw) => {
        const isActive = raw.user.id === activeId
        const old = prev.data?.find((entry) => entry.user.id === raw.user.id)
        return old &&
          old.isActive === isActive &&
          isEqual(old.session, raw.session) &&
          isEqual(old.user, raw.user)
          ? old
          : { session: raw.session, user: raw.user, isActive }
      })
      data =
        prev.data &&
        entries.length === prev.data.length &&
        entries.every((e, i) => e === prev.data?.[i])
          ? prev.data
          : entries
    }
    // Past maximumSessions the server signs the user in but leaves them off the list.
    const sessionData = $session?.get().data ?? null
    let active = data?.find((entry) => entry.isActive) ?? null
    const activeNotListed =
      !!data && !active && !optimisticActive && !!sessionData && sessionData.user.id === activeId
    if (activeNotListed && sessionData) {
      const entry = { session: sessionData.session, user: sessionData.user, isActive: true }
      active = prev.active && isEqual(prev.active, entry) ? prev.active : entry
    }
    const next: DeviceSessionsState = {
      data,
      error: actionError ?? listError,
      isPending: data === null && (listLoading || !sessionSettled() || !listError),
      isRefetching: listLoading || !sessionSettled(),
      refetch,
      active,
      switching,
      revoking:
        revoking.size === prev.revoking.length && prev.revoking.every((id) => revoking.has(id))
          ? prev.revoking
          : [...revoking],
      isAtCapacity: (list?.length ?? 0) >= maximumSessions,
      activeNotListed,
    }
    const changed = (Object.keys(next) as (keyof DeviceSessionsState)[]).some(
      (key) => next[key] !== prev[key],
    )
    if (changed) $deviceSessions.set(next)
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
      apply()
      publish()
    }
    lastRefresh = $fetch(LIST_PATH, { method: "GET", signal: controller.signal }).then(
      ({ data, error }) =>
        settle(() => {
          if (error) listError = toError(error)
          else if (!Array.isArray(data)) listError = toError(null)
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
    await waitForSession()
  }

  function waitForSession(): Promise<void> {
    return new Promise((resolve) => {
      if (!$session || sessionSettled()) return resolve()
      const stop = $session.listen(() => {
        if (sessionSettled()) {
          stop()
          resolve()
        }
      })
    })
  }

  function resolveTarget(
    target: DeviceSessionTarget,
  ): { token: string; userId: string | null } | MultiSessionError {
    const entries = list ?? []
    if (typeof target === "object" && target !== null) {
      if ("userId" in target && typeof target.userId === "string" && target.userId) {
        const entry = entries.find((e) => e.user.id === target.userId)
        return entry
          ? { token: entry.session.token, userId: entry.user.id }
          : clientError("DEVICE_SESSION_NOT_FOUND")
      }
      if ("session" in target && target.session && typeof target.session === "object") {
        return resolveTarget(target.session.token)
      }
      if ("sessionToken" in target) return resolveTarget(target.sessionToken)
      return clientError("SESSION_TOKEN_REQUIRED")
    }
    if (typeof target !== "string" || target.trim() === "")
      return clientError("SESSION_TOKEN_REQUIRED")
    const byUser = entries.find((e) => e.user.id === target)
    if (byUser) return { token: byUser.session.token, userId: byUser.user.id }
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
    if (kind === "set-active") {
      switching = userId
      if (userId) optimisticActive = userId
    } else if (userId) {
      revoking.add(userId)
      optimisticRemoved.add(userId)
    }
    publish()
    const settle = () => {
      if (kind === "set-active") {
        if (switching === userId) switching = null
        if (optimisticActive === userId) optimisticActive = null
      } else if (userId) {
        revoking.delete(userId)
        optimisticRemoved.delete(userId)
      }
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
          : { data: res.data as MutationResult["data"], error: null }
      } catch (cause) {
        result = { data: null, error: toError(cause) }
      }
      if (result.error) {
        settle()
        actionError = result.error
        publish()
        // The server may know something this tab does not (removed in another tab).
        if (result.error.status === 401) await revalidate().catch(() => {})
        return result
      }
      await revalidate()
      settle()
      publish()
      return result
    }
    const next = queue.then(run, run)
    queue = next
    return next
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
    let lastFocus = 0
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
    if (!hydrated) fetchList()
    else publish()
    lastFocus = Date.now()
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
    hydrate(entries, activeId) {
      list = entries ? [...entries] : []
      activeUserId = activeId ?? null
      hydrated = true
      listError = null
      publish()
    },
  }
}
