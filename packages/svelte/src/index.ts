import {
  type AccountState,
  accountKey as accountKeyOf,
  accountState as accountStateOf,
  type DeviceSession,
  type DeviceSessions,
  type DeviceSessionsOptions,
  type DeviceSessionsPayload,
  type DeviceSessionsState,
  getDeviceSessions,
  type InferDeviceSession,
  initialDeviceSessions,
  type MultiSessionAuthClient,
  selectFields,
} from "@multisession/core"
import { type Readable, readable } from "svelte/store"

/**
 * A Svelte store of the accounts signed in on this device, with the calls that change them.
 * Its value is core's `DeviceSessionsState`: `data`, `error`, `isPending`, `isRefetching`,
 * `active`, and the pending state of the calls (`switching`, `revoking`).
 *
 * @example
 * // A child component that is handed the store by its parent
 * let { accounts }: { accounts: DeviceSessionsStore<InferDeviceSession<typeof authClient>> } =
 *   $props()
 */
export interface DeviceSessionsStore<E extends DeviceSession<unknown, unknown> = DeviceSession>
  extends Readable<DeviceSessionsState<E>>,
    Pick<DeviceSessions<E>, "setActive" | "revoke" | "refetch">,
    Pick<DeviceSessionsState<E>, "forget" | "forgetAll"> {}

/**
 * The device-session list of an auth client as a Svelte store, typed from that client
 * (additional user and session fields included). Read it with `$accounts` in markup or
 * `fromStore(accounts).current` in runes; it fetches only in the browser, while subscribed.
 * The second argument is the options every binding takes: `payload`, `fields`.
 *
 * @example
 * <script lang="ts">
 *   import { deviceSessions } from "@multisession/svelte"
 *   const accounts = deviceSessions(authClient)
 * </script>
 * {#each $accounts.data ?? [] as entry}
 *   <button disabled={entry.isActive} onclick={() => accounts.setActive(entry)}>
 *     {entry.user.name}
 *   </button>
 * {/each}
 */
export function deviceSessions<C extends MultiSessionAuthClient>(
  client: C,
  options: DeviceSessionsOptions<
    C["$Infer"]["Session"]["session"],
    C["$Infer"]["Session"]["user"]
  > = {},
): DeviceSessionsStore<InferDeviceSession<C>> {
  // The store lives on the client, so nothing here outlives it or is shared between requests.
  const { $deviceSessions, setActive, revoke, refetch } = getDeviceSessions(client)
  // On the server a payload renders for this request only; in the browser it fills the store.
  const serverState = initialDeviceSessions(client, options.payload)
  return {
    subscribe: (run) => {
      if (serverState) {
        run(serverState)
        return () => {}
      }
      // Svelte re-renders for every call of `run`: call it only when a chosen field changed.
      const read = selectFields($deviceSessions, options.fields)
      let last: unknown
      return $deviceSessions.subscribe(() => {
        const value = read()
        if (value === last) return
        last = value
        run(value)
      })
    },
    setActive,
    revoke,
    refetch,
    // Filled in by rememberAccounts() when the client was made: read when called.
    forget: (userId) => $deviceSessions.value?.forget(userId),
    forgetAll: () => $deviceSessions.value?.forgetAll(),
  }
}

// On the server a payload names the account for this request only; in the browser it fills
// the store (once), which then says the same.
function servedAccount(
  client: MultiSessionAuthClient,
  payload: DeviceSessionsPayload<unknown, unknown> | null | undefined,
): AccountState | null {
  if (!payload) return null
  if (typeof window !== "undefined") {
    initialDeviceSessions(client, payload as never)
    return null
  }
  return { key: (payload.session?.user as { id: string } | undefined)?.id ?? null, pending: false }
}

/**
 * The user id of the account the app acts as (`null` when signed out), as a Svelte store that
 * changes only once better-auth's session holds the new account: wrap what belongs to the
 * account in `{#key $key}`, and key its queries with it.
 *
 * @example
 * <script lang="ts">
 *   const key = accountKey(authClient)
 * </script>
 * {#key $key}<Inbox />{/key}
 * // server rendering: accountKey(authClient, { payload }), the same payload as deviceSessions'
 */
export function accountKey(
  client: MultiSessionAuthClient,
  options: Pick<DeviceSessionsOptions<unknown, unknown>, "payload"> = {},
): Readable<string | null> {
  const served = servedAccount(client, options.payload)
  if (served) return readable(served.key)
  const $key = accountKeyOf(client)
  return { subscribe: (run) => $key.subscribe((key) => run(key)) }
}

/**
 * `{ key, pending }` as a Svelte store: `pending` while the account is not yet known, and
 * while this tab switches away from it or removes it. Hide the account's data meanwhile.
 *
 * @example
 * {#key $account.key}{#if !$account.pending}<Inbox />{/if}{/key}
 */
export function accountState(
  client: MultiSessionAuthClient,
  options: Pick<DeviceSessionsOptions<unknown, unknown>, "payload"> = {},
): Readable<AccountState> {
  const served = servedAccount(client, options.payload)
  if (served) return readable(served)
  const $account = accountStateOf(client)
  return { subscribe: (run) => $account.subscribe((state) => run(state)) }
}

export type {
  AccountChange,
  AccountChangeCause,
  AccountState,
  DeviceSession,
  DeviceSessionsOptions,
  DeviceSessionsPayload,
  DeviceSessionsState,
  DeviceSessionTarget,
  InferDeviceSession,
  MultiSessionAuthClient,
  MultiSessionError,
  MultiSessionFetchOptions,
  MutationResult,
} from "@multisession/core"
export { onAccountChange } from "@multisession/core"
