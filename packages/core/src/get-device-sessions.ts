import type { ReadableAtom } from "nanostores"
import { kController } from "./client-plugin"
import type { DeviceSessionsController } from "./device-sessions"
import type {
  DeviceSession,
  DeviceSessionsPayload,
  DeviceSessionsState,
  DeviceSessionTarget,
  MutationResult,
} from "./types"

/** Any better-auth client (vanilla, React, Vue, Svelte) made with `multiSessionClient()`. */
export interface MultiSessionAuthClient {
  $Infer: { Session: { session: { id: string; token: string }; user: { id: string } } }
  $store: { atoms: Record<string, unknown> }
}

/** The device-session entry type of a client, with its additional user and session fields. */
export type InferDeviceSession<C extends MultiSessionAuthClient> = DeviceSession<
  C["$Infer"]["Session"]["session"],
  C["$Infer"]["Session"]["user"]
>

/** What the bindings build on: the store and the calls that change it. */
export interface DeviceSessions<E extends DeviceSession<unknown, unknown> = DeviceSession> {
  $deviceSessions: ReadableAtom<DeviceSessionsState<E>>
  setActive(target: DeviceSessionTarget | E, fetchOptions?: object): Promise<MutationResult>
  revoke(target: DeviceSessionTarget | E, fetchOptions?: object): Promise<MutationResult>
  refetch(): Promise<void>
  /** Fills the browser's store from a server-loaded payload once; a no-op on the server. */
  hydrate(payload: DeviceSessionsPayload<E["session"], E["user"]>): void
  /** The state a payload stands for, computed without touching the store (server renders). */
  snapshot(payload: DeviceSessionsPayload<E["session"], E["user"]>): DeviceSessionsState<E>
  /**
   * For bindings that take a server-loaded payload: on the server, the payload's state for
   * this render only (the shared store stays empty); in the browser, it hydrates the store
   * once and returns `null`, so the binding reads the store as usual.
   */
  initialState(
    payload?: DeviceSessionsPayload<E["session"], E["user"]>,
  ): DeviceSessionsState<E> | null
  /**
   * A snapshot reader for `useSyncExternalStore`-style bindings: it hands back the same object
   * while the listed fields stay the same, so a reader of `data` skips other changes.
   */
  select(fields?: readonly (keyof DeviceSessionsState<E>)[]): () => DeviceSessionsState<E>
}

/**
 * The device-session store of an auth client, typed from that client. The framework
 * bindings are built on it; use it directly in plain TypeScript.
 *
 * @example
 * const { $deviceSessions, setActive } = getDeviceSessions(authClient)
 * $deviceSessions.subscribe(({ data }) => render(data))
 */
export function getDeviceSessions<C extends MultiSessionAuthClient>(
  client: C,
): DeviceSessions<InferDeviceSession<C>> {
  const store = client?.$store?.atoms?.deviceSessions as
    | (ReadableAtom<unknown> & { [kController]?: DeviceSessionsController })
    | undefined
  const controller = store?.[kController]
  if (!controller) {
    throw new TypeError(
      "multisession: expected an auth client made with createAuthClient({ plugins: [multiSessionClient()] })",
    )
  }
  return controller as unknown as DeviceSessions<InferDeviceSession<C>>
}

/**
 * Hands a list loaded on the server to the browser's store and better-auth's session, so
 * the first render needs no request. Call it before the first render; on the server it
 * leaves the store alone (one client may serve many requests), and bindings render the
 * payload through `snapshot` instead.
 *
 * @example
 * // server: const payload = { list: await auth.api.listDeviceSessions({ headers }),
 * //                           session: await auth.api.getSession({ headers }) }
 * hydrateDeviceSessions(authClient, payload)
 */
export function hydrateDeviceSessions<C extends MultiSessionAuthClient>(
  client: C,
  payload: DeviceSessionsPayload<C["$Infer"]["Session"]["session"], C["$Infer"]["Session"]["user"]>,
): void {
  getDeviceSessions(client).hydrate(payload)
  const withSession = client as unknown as { hydrateSession?: (session: unknown) => void }
  if (payload.session && typeof window !== "undefined")
    withSession.hydrateSession?.(payload.session)
}
