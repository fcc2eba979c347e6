// ../packages/core/src/auto-switch.ts
var KEY = "multisession.recent"
function read() {
  try {
    const ids = JSON.parse(localStorage.getItem(KEY) ?? "[]")
    return Array.isArray(ids) ? ids.filter((id) => typeof id === "string") : []
  } catch {
    return []
  }
}
function remember(userId, onDevice) {
  const stored = read()
  const ids = [userId, ...stored.filter((id) => id !== userId)].filter(
    (id) => id === userId || onDevice.some((entry) => entry.user.id === id),
  )
  if (ids.join() === stored.join()) return
  try {
    localStorage.setItem(KEY, JSON.stringify(ids))
  } catch {}
}
function autoSwitch(order, onAutoSwitch) {
  const mostRecent = order === "most-recent"
  let lastActive = null
  let switching = false
  return ({ active, data, switching: userSwitching }, { setActive }) => {
    if (active) {
      lastActive = active.user.id
      if (mostRecent) remember(lastActive, data ?? [])
      return
    }
    if (switching || userSwitching || !data) return
    const ids = mostRecent ? read() : []
    const rank = (id) => {
      const at = ids.indexOf(id)
      return at === -1 ? ids.length : at
    }
    const [target] = [...data].sort((a, b) => rank(a.user.id) - rank(b.user.id))
    if (!target) return
    const change = { from: lastActive, to: target.user.id }
    switching = true
    setActive(target).then(({ error }) => {
      switching = false
      if (!error) onAutoSwitch?.(change)
    })
  }
}

// ../packages/core/src/controller.ts
import { atom, onMount } from "nanostores"

// ../packages/core/src/errors.ts
var MULTI_SESSION_CLIENT_ERROR_CODES = {
  /** No target, or not an entry, `{ userId }` or `{ sessionToken }` (a bare string included). */
  SESSION_TOKEN_REQUIRED: "SESSION_TOKEN_REQUIRED",
  /** A `sessionToken` no session token can be (too long, or characters no token has). */
  SESSION_TOKEN_MALFORMED: "SESSION_TOKEN_MALFORMED",
  /** A user id or entry that is not on this device's list. */
  DEVICE_SESSION_NOT_FOUND: "DEVICE_SESSION_NOT_FOUND",
  /** The request never got an answer the client could read (offline, aborted, bad JSON). */
  NETWORK_ERROR: "NETWORK_ERROR",
  /** Server: this device holds no cookie for that token (removed in another tab, expired). */
  INVALID_SESSION_TOKEN: "INVALID_SESSION_TOKEN",
  /** Server: `revoke` needs an active session, and this device has none. */
  UNAUTHORIZED: "UNAUTHORIZED",
  /** Server: an error without a code (a 500, a proxy's page); `status` says which. */
  UNKNOWN_ERROR: "UNKNOWN_ERROR",
}
var clientError = (code, action, userId = null) => ({
  code,
  // "SESSION_TOKEN_REQUIRED" reads "session token required"
  message: code.toLowerCase().replaceAll("_", " "),
  status: 0,
  statusText: "",
  action,
  userId,
})
function toError(cause, action, userId = null) {
  const { code, message = "", status, statusText = "" } = Object(cause)
  return status > 0
    ? { ...clientError(code || "UNKNOWN_ERROR", action, userId), message, status, statusText }
    : clientError("NETWORK_ERROR", action, userId)
}

// ../packages/core/src/list-request.ts
var failed = (error) => ({ data: null, error })
function createListRequest($fetch, onAnswer) {
  let current
  const cancel = () => {
    current?.abort()
    const had = !!current
    current = void 0
    return had
  }
  return {
    e() {
      cancel()
      const request = new AbortController()
      current = request
      $fetch("/multi-session/list-device-sessions", { signal: request.signal, throw: false })
        .catch(failed)
        .then((answer) => {
          if (current !== request) return
          current = void 0
          onAnswer(answer)
        })
    },
    f: cancel,
  }
}

// ../packages/core/src/model.ts
var initialModel = {
  a: null,
  session: null,
  c: null,
  active: null,
  error: null,
  b: false,
  d: false,
  switching: null,
  revoking: [],
}
var keep = (next, old) =>
  old !== void 0 && JSON.stringify(old) === JSON.stringify(next) ? old : next
var byUser = (entries, id) => entries?.find((entry) => entry.user.id === id)
function apply(m, patch) {
  const next = { ...m, ...patch }
  return next.b || next.d ? next : { ...next, c: next.a, active: next.session }
}
var listRequested = () => ({ b: true })
var listAnswered = (m, answer) => ({
  b: false,
  a: keep(
    answer.map((entry) => keep(entry, byUser(m.a, entry.user.id))),
    m.a,
  ),
  error: m.error?.action === "list" || m.error?.code === "NETWORK_ERROR" ? null : m.error,
})
var listFailed = (error) => ({ b: false, error })
var listDropped = () => ({ b: false })
var sessionChanged = (busy, session) => ({
  d: busy,
  session,
})
var sessionRequested = () => ({ d: true })
var callStarted = (m, call, userId) =>
  call === "revoke"
    ? { error: null, revoking: userId ? [...m.revoking, userId] : m.revoking }
    : { error: null, switching: userId }
var callSettled = (m, call, userId) =>
  call === "revoke"
    ? m.revoking.includes(userId)
      ? { revoking: m.revoking.filter((id) => id !== userId) }
      : {}
    : { switching: m.switching === userId ? null : m.switching }
var callFailed = (error) => ({ error })
var refetchRequested = () => ({ error: null })
var hydrated = (list, session) => ({
  a: list,
  session,
})

// ../packages/core/src/target.ts
var TOKEN_SHAPE = /^[\w.~+/=-]{1,512}$/
function readTarget(target, action) {
  try {
    const given = target
    const { userId = given.user?.id, sessionToken = given.session?.token } = given
    if (typeof userId === "string" && userId.trim()) return { userId }
    if (userId === void 0 && typeof sessionToken === "string" && sessionToken.trim()) {
      return TOKEN_SHAPE.test(sessionToken)
        ? { token: sessionToken }
        : clientError("SESSION_TOKEN_MALFORMED", action)
    }
  } catch {}
  return clientError("SESSION_TOKEN_REQUIRED", action)
}
var findTarget = ({ userId, token }, list) =>
  list?.find((entry) => entry.user.id === userId || entry.session.token === token)

// ../packages/core/src/mutations.ts
function createMutations($fetch, model, dispatch, listKnown, changed, recheck) {
  let queue = Promise.resolve()
  const fail = (error) => {
    dispatch(callFailed(error))
    return failed(error)
  }
  async function run(call, target, options, userId) {
    await listKnown()
    const found = findTarget(target, model().a)
    const sessionToken = found?.session.token ?? target.token
    if (!sessionToken) return fail(clientError("DEVICE_SESSION_NOT_FOUND", call, userId))
    const { data, error } = await $fetch(`/multi-session/${call}`, {
      ...options,
      method: "POST",
      body: { sessionToken },
      throw: false,
    }).catch(failed)
    if (!error) {
      await changed(call, found?.user.id ?? userId)
      return { data, error: null }
    }
    dispatch(callSettled(model(), call, userId))
    await recheck()
    return fail(toError(error, call, userId))
  }
  return (call) => (target, options) => {
    const read3 = readTarget(target, call)
    if ("code" in read3) return Promise.resolve(fail(read3))
    const userId = read3.userId ?? findTarget(read3, model().a)?.user.id ?? null
    dispatch(callStarted(model(), call, userId))
    const result = queue
      .then(() => run(call, read3, options, userId))
      .catch(() => fail(clientError("NETWORK_ERROR", call, userId)))
      .finally(() => dispatch(callSettled(model(), call, userId)))
    queue = result
    return result
  }
}

// ../packages/core/src/session-link.ts
var isEntry = (value) => {
  const entry = value
  return typeof entry?.user?.id === "string" && typeof entry.session?.token === "string"
}
var isList = (value) => Array.isArray(value) && value.every(isEntry)
function followSession({ session, $sessionSignal }, onSession, onRefresh) {
  const read3 = (value = session.value) =>
    value &&
    onSession(value.isPending || value.isRefetching, isEntry(value.data) ? value.data : null)
  const stops = [
    session.listen((value) => {
      if (value.isRefetching) onRefresh(false)
      read3(value)
    }),
    $sessionSignal.listen(() => onRefresh(true)),
  ]
  read3()
  return () => {
    for (const stop of stops) stop()
  }
}
var raise = ({ $sessionSignal }) => $sessionSignal.set(!$sessionSignal.value)

// ../packages/core/src/tab-channel.ts
function openTabChannel(name, onMessage) {
  if (typeof window === "undefined" || typeof BroadcastChannel !== "function") return
  const channel = new BroadcastChannel(`multisession:${name}`)
  channel.onmessage = onMessage
  return channel
}

// ../packages/core/src/view.ts
function createView(maximumSessions, refetch) {
  const made = /* @__PURE__ */ new WeakMap()
  const once = (owner, key, make) => {
    const known = made.get(owner) ?? {}
    made.set(owner, known)
    known[key] ??= make()
    return known[key]
  }
  let last
  return (m) => {
    const activeId = m.switching ?? m.active?.user.id
    const entries = m.c
      ?.filter((raw) => !m.revoking.includes(raw.user.id))
      .map((raw) => {
        const isActive = raw.user.id === activeId
        return once(raw, `${isActive}`, () => ({ ...raw, isActive }))
      })
    const data =
      entries && m.c && once(m.c, entries.map((e) => e.user.id + e.isActive).join(), () => entries)
    const activeNotListed =
      !!m.c && !!m.active && m.active.user.id === activeId && !byUser(m.c, activeId)
    const busy = m.b || m.d
    const next = {
      data: data ?? null,
      error: m.error,
      isPending: !data && (busy || !m.error),
      isRefetching: busy,
      refetch,
      active:
        data?.find((entry) => entry.isActive) ??
        (activeNotListed ? keep({ ...m.active, isActive: true }, last?.active) : null),
      switching: m.switching,
      revoking: m.revoking,
      isAtCapacity: (m.c?.length ?? 0) >= maximumSessions,
      activeNotListed,
    }
    const same = last && Object.keys(next).every((k) => next[k] === last[k])
    if (!same) last = next
    return last
  }
}

// ../packages/core/src/controller.ts
var inBrowser = () => typeof window !== "undefined"
function createDeviceSessions($fetch, { maximumSessions = 5, autoSwitch: autoSwitch2 } = {}) {
  if (!Number.isInteger(maximumSessions) || maximumSessions < 1) {
    throw new TypeError("multisession: maximumSessions must be a whole number \u2265 1")
  }
  let model = initialModel
  let atoms
  let channel
  let unfollow
  let hydratedOnce = false
  let quiet = false
  let disposed = false
  let stopAnnouncing = () => {}
  const waiting = []
  const refetch = () => {
    dispatch(refetchRequested())
    return revalidate()
  }
  const view = createView(maximumSessions, refetch)
  const $deviceSessions = atom(view(model))
  const idle = () => !model.b && !model.d
  const settled = () => new Promise((resolve) => (idle() ? resolve() : waiting.push(resolve)))
  function dispatch(patch) {
    model = apply(model, patch)
    if (idle()) for (const resolve of waiting.splice(0)) resolve()
    const state = view(model)
    if (state === $deviceSessions.value) return
    try {
      $deviceSessions.set(state)
    } catch (error) {
      ;(globalThis.reportError ?? console.error)(error)
    }
    if (unfollow && idle() && autoSwitch2) autoSwitch2(state, controller)
  }
  const list = createListRequest($fetch, ({ data, error }) => {
    const before = model.a
    const activeId = model.session?.user.id
    dispatch(
      !error && isList(data) ? listAnswered(model, data) : listFailed(toError(error, "list")),
    )
    if (!model.d && byUser(before, activeId) && !byUser(model.a, activeId)) resignal()
  })
  const startList = () => {
    dispatch(listRequested())
    list.e()
  }
  function resignal() {
    if (unfollow) dispatch(sessionRequested())
    quiet = true
    raise(atoms)
    quiet = false
  }
  const revalidate = () => {
    resignal()
    return settled()
  }
  const mutation = createMutations(
    $fetch,
    () => model,
    dispatch,
    () => {
      if (!model.a && !model.b) startList()
      return settled()
    },
    (call, userId) => {
      channel?.postMessage(0)
      if (call === "set-active" || !userId || userId === model.active?.user.id) return revalidate()
      if (unfollow) startList()
      return settled()
    },
    revalidate,
  )
  function unmount() {
    if (!unfollow) return
    unfollow()
    unfollow = void 0
    if (list.f()) dispatch(listDropped())
    dispatch(sessionChanged(false, model.session))
  }
  onMount($deviceSessions, () => {
    if (!inBrowser() || disposed) return
    let skip = hydratedOnce
    hydratedOnce = false
    unfollow = followSession(
      atoms,
      (busy, session) => dispatch(sessionChanged(busy, session)),
      // Each signal asks for the list anew; a refresh better-auth starts by itself joins
      // the list request under way, if there is one.
      (signal) => {
        if (signal || !(model.b || skip)) startList()
        skip = false
      },
    )
    if (!skip) startList()
    return unmount
  })
  const controller = {
    $deviceSessions,
    g(sessionAtoms, channelName) {
      atoms = sessionAtoms
      channel = openTabChannel(channelName, () => unfollow && resignal())
      stopAnnouncing = atoms.$sessionSignal.listen(() => quiet || channel?.postMessage(0))
    },
    setActive: mutation("set-active"),
    revoke: mutation("revoke"),
    refetch,
    dispose() {
      disposed = true
      stopAnnouncing()
      channel?.close()
      channel = void 0
      unmount()
    },
    h: (entries, session) =>
      createView(maximumSessions, refetch)(apply(initialModel, hydrated(entries, session))),
    i(entries, session) {
      if (!inBrowser() || model.a) return
      hydratedOnce = true
      dispatch(hydrated(entries, session))
    },
  }
  return controller
}

// ../packages/core/src/client-plugin.ts
var kController = /* @__PURE__ */ Symbol.for("multisession.controller")
var isSignInOrUp = (path) => /^\/sign-(in|up)\//.test(path)
var multiSessionClient = (options = {}) => {
  let controller
  const plugin = {
    id: "multi-session",
    getAtoms($fetch) {
      controller = createDeviceSessions($fetch, options)
      controller.$deviceSessions[kController] = controller
      return {
        deviceSessions: controller.$deviceSessions,
      }
    },
    getActions(_$fetch, $store, clientOptions) {
      const own = controller
      own.g($store.atoms, `${clientOptions?.baseURL ?? ""}${clientOptions?.basePath ?? ""}`)
      return {
        multiSession: {
          /**
           * Makes another account on this device the active one. Never throws.
           *
           * @example
           * const { error } = await authClient.multiSession.setActive(entry) // or { userId }, { sessionToken }
           */
          setActive: own.setActive,
          /**
           * Signs one account out of this device. If it was the active one the server
           * promotes another, and the session follows. Never throws.
           *
           * @example
           * await authClient.multiSession.revoke({ userId: entry.user.id })
           */
          revoke: own.revoke,
          /**
           * Releases the device-session store's listeners, request and tab channel, for a
           * client that is thrown away (tests, micro-frontends, hot reload).
           *
           * @example
           * import.meta.hot?.dispose(() => authClient.multiSession.dispose())
           */
          dispose: own.dispose,
        },
      }
    },
    atomListeners: [{ matcher: isSignInOrUp, signal: "$sessionSignal" }],
  }
  return plugin
}

// ../packages/core/src/get-device-sessions.ts
function getDeviceSessions(client) {
  const store = client?.$store?.atoms?.deviceSessions
  const controller = store?.[kController]
  if (!controller) {
    throw new TypeError(
      "multisession: expected an auth client made with createAuthClient({ plugins: [multiSessionClient()] })",
    )
  }
  return controller
}

// ../packages/core/src/hydration.ts
function read2(client, payload) {
  const { a: list, session } = payload ?? {}
  if (
    !payload ||
    typeof payload !== "object" ||
    (list != null && !isList(list)) ||
    (session != null && !isEntry(session))
  ) {
    throw new TypeError(
      "multisession: expected a payload { list: DeviceSession[] | null, session }",
    )
  }
  const controller = getDeviceSessions(client)
  return { controller, a: list ?? [], session: session ?? null }
}
function deviceSessionsSnapshot(client, payload) {
  const { controller, a: list, session } = read2(client, payload)
  return controller.h(list, session)
}
function hydrateDeviceSessions(client, payload) {
  const { controller, a: list, session } = read2(client, payload)
  controller.i(list, session)
  const withSession = client
  if (session && typeof window !== "undefined") withSession.hydrateSession?.(session)
}
function initialDeviceSessions(client, payload) {
  if (!payload) return null
  if (typeof window === "undefined") return deviceSessionsSnapshot(client, payload)
  hydrateDeviceSessions(client, payload)
  return null
}

// ../packages/core/src/select-fields.ts
function selectFields($store, fields) {
  let last
  return () => {
    const next = $store.get()
    if (!last || !fields || fields.some((field) => last?.[field] !== next[field])) last = next
    return last
  }
}

export {
  autoSwitch,
  deviceSessionsSnapshot,
  getDeviceSessions,
  hydrateDeviceSessions,
  initialDeviceSessions,
  MULTI_SESSION_CLIENT_ERROR_CODES,
  multiSessionClient,
  selectFields,
}
