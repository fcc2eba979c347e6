// Server rendering, opt-in: an app that renders only in the browser does not ship this file.
import type { DeviceSessionsController } from "./controller"
import {
  getDeviceSessions,
  type InferDeviceSession,
  type MultiSessionAuthClient,
} from "./get-device-sessions"
import { isEntry, isList } from "./session-link"
import type { DeviceSessionsPayload, DeviceSessionsState, RawEntry } from "./types"

type PayloadOf<C extends MultiSessionAuthClient> = DeviceSessionsPayload<
  C["$Infer"]["Session"]["session"],
  C["$Infer"]["Session"]["user"]
>
type StateOf<C extends MultiSessionAuthClient> = DeviceSessionsState<InferDeviceSession<C>>

// A payload is checked before it reaches the store: a wrong one throws and changes nothing.
function read(client: MultiSessionAuthClient, payload: unknown) {
  const { list, session } = (payload ?? {}) as Partial<DeviceSessionsPayload>
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
  const controller = getDeviceSessions(client) as unknown as DeviceSessionsController
  return { controller, list: list ?? [], session: (session ?? null) as RawEntry | null }
}

/**
 * The state a server-loaded payload stands for, computed without touching the store: what a
 * server render shows, and what the browser's first render must match.
 *
 * @example
 * const state = deviceSessionsSnapshot(authClient, { list, session })
 */
export function deviceSessionsSnapshot<C extends MultiSessionAuthClient>(
  client: C,
  payload: PayloadOf<C>,
): StateOf<C> {
  const { controller, list, session } = read(client, payload)
  return controller.stateOf(list, session) as unknown as StateOf<C>
}

/**
 * Hands a list loaded on the server to the browser's store and better-auth's session, so
 * the first render needs no request. Call it before the first render; on the server it
 * leaves the store alone (one client may serve many requests).
 *
 * @example
 * // server: const payload = { list: await auth.api.listDeviceSessions({ headers }),
 * //                           session: await auth.api.getSession({ headers }) }
 * hydrateDeviceSessions(authClient, payload)
 */
export function hydrateDeviceSessions<C extends MultiSessionAuthClient>(
  client: C,
  payload: PayloadOf<C>,
): void {
  const { controller, list, session } = read(client, payload)
  if (!controller.accept(list, session)) return
  const withSession = client as unknown as { hydrateSession?: (session: unknown) => void }
  if (session) withSession.hydrateSession?.(session)
  answerSessionCheck(controller, session)
}

// better-auth checks a hydrated session once, when its session store is first used. The
// payload was read by the server for this very page: within better-auth's own freshness
// window (it asks no more than once a second on mount) that check is answered from it, and
// the load sends no request. A later or different request goes to the server as ever.
const FRESH_MS = 1_000

function answerSessionCheck(controller: DeviceSessionsController, session: RawEntry | null) {
  const until = Date.now() + FRESH_MS
  controller.answer = (path, options) => {
    if (Date.now() > until) controller.answer = undefined
    if (!controller.answer || path !== "/get-session" || options.method !== "GET" || options.query)
      return options
    controller.answer = undefined
    const body = JSON.stringify(session)
    const fetch = async () =>
      new Response(body, { headers: { "content-type": "application/json" } })
    return { ...options, customFetchImpl: fetch }
  }
}

/**
 * For bindings that take a payload: on the server, the payload's state for this render
 * only (the shared store stays empty); in the browser, it hydrates the store once and
 * returns `null`, so the binding reads the store as usual.
 *
 * @example
 * const serverState = initialDeviceSessions(authClient, payload)
 */
export function initialDeviceSessions<C extends MultiSessionAuthClient>(
  client: C,
  payload?: PayloadOf<C> | null,
): StateOf<C> | null {
  if (!payload) return null
  if (typeof window === "undefined") return deviceSessionsSnapshot(client, payload)
  hydrateDeviceSessions(client, payload)
  return null
}
