import {
  type DeviceSession,
  type DeviceSessions,
  type DeviceSessionsOptions,
  type DeviceSessionsState,
  getDeviceSessions,
  type InferDeviceSession,
  initialDeviceSessions,
  type MultiSessionAuthClient,
  selectFields,
} from "@multisession/core"
import {
  type ComputedRef,
  computed,
  getCurrentScope,
  hasInjectionContext,
  inject,
  onScopeDispose,
  shallowRef,
} from "vue"
import { clientKey } from "./provide"

/** The entry type for a client type; better-auth's plain `Session`/`User` when there is none. */
export type EntryOf<C> = [NonNullable<C>] extends [never]
  ? DeviceSession
  : NonNullable<C> extends MultiSessionAuthClient
    ? InferDeviceSession<NonNullable<C>>
    : DeviceSession

/** What `useDeviceSessions()` returns: each field of the store as a readonly ref, and the calls. */
export type UseDeviceSessionsReturn<E extends DeviceSession<unknown, unknown> = DeviceSession> = {
  readonly [K in Exclude<keyof DeviceSessionsState<E>, Calls>]: ComputedRef<
    DeviceSessionsState<E>[K]
  >
} & Pick<DeviceSessionsState<E>, Calls> &
  Pick<DeviceSessions<E>, "setActive" | "revoke">

/** The fields of core's state that are calls: handed out as they are, not as refs. */
type Calls = "refetch" | "forget" | "forgetAll"

/**
 * The accounts signed in on this device, live. Every component that calls it shares one
 * store and one request, and follows switches, revokes, sign-ins and sign-outs by itself.
 * Reads the client from `app.use(multiSession, …)` or `provideMultiSession()`, or takes it
 * as argument (which also types the entries with the client's additional fields). The
 * second argument is the options every binding takes: `payload`, `fields`.
 *
 * @example
 * <script setup lang="ts">
 * const { data, setActive, switching } = useDeviceSessions(authClient)
 * </script>
 * <template>
 *   <button v-for="entry in data" :key="entry.user.id" :disabled="!!switching"
 *     @click="setActive(entry)">{{ entry.user.name }}</button>
 * </template>
 */
export function useDeviceSessions<C extends MultiSessionAuthClient | undefined = undefined>(
  client?: C | null,
  options: DeviceSessionsOptions<EntryOf<C>["session"], EntryOf<C>["user"]> = {},
): UseDeviceSessionsReturn<EntryOf<C>> {
  // inject() only works in setup; outside it, fall through to the error below.
  const provided = hasInjectionContext() ? inject(clientKey, null) : null
  const found = client ?? provided?.client
  if (!found) {
    throw new Error(
      "useDeviceSessions() needs app.use(multiSession, { client }), provideMultiSession(client) or a client argument",
    )
  }
  const sessions = getDeviceSessions(found) as unknown as DeviceSessions<EntryOf<C>>
  // On the server a payload renders for this request only; in the browser it fills the store.
  const given = options.payload ?? (found === provided?.client ? provided.payload : null)
  const serverState = initialDeviceSessions(found, given as never) as DeviceSessionsState<
    EntryOf<C>
  > | null
  // Subscribes in the browser only (a server render never unmounts), until the scope ends.
  // With `fields`, a change elsewhere hands back the same object, and the ref stays quiet.
  const read = selectFields(sessions.$deviceSessions, options.fields)
  const state = shallowRef(serverState ?? read())
  if (!serverState && typeof window !== "undefined") {
    const stop = sessions.$deviceSessions.listen(() => {
      state.value = read()
    })
    if (getCurrentScope()) onScopeDispose(stop)
  }
  // One ref per field of core's state, whatever fields core has; its calls as they are.
  const fields: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(state.value)) {
    fields[key] = typeof value === "function" ? value : computed(() => state.value[key as "data"])
  }
  return {
    ...(fields as unknown as UseDeviceSessionsReturn<EntryOf<C>>),
    setActive: sessions.setActive,
    revoke: sessions.revoke,
  }
}
