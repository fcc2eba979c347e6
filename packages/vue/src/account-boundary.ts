import {
  type AccountState,
  accountState,
  initialDeviceSessions,
  type MultiSessionAuthClient,
} from "@multisession/core"
import {
  type ComputedRef,
  computed,
  defineComponent,
  Fragment,
  getCurrentScope,
  h,
  hasInjectionContext,
  inject,
  onScopeDispose,
  type PropType,
  type ShallowRef,
  shallowRef,
} from "vue"
import { clientKey } from "./provide"

function useAccountState(client?: MultiSessionAuthClient | null): ShallowRef<AccountState> {
  // inject() only works in setup; outside it, fall through to the error below.
  const provided = hasInjectionContext() ? inject(clientKey, null) : null
  const found = client ?? provided?.client
  if (!found) throw new Error("useAccountKey() needs app.use(multiSession) or a client")
  const $account = accountState(found)
  const payload = found === provided?.client ? provided.payload : null
  if (typeof window === "undefined") {
    // A server render shows the account the payload names; without one, nothing yet.
    const user = payload?.session?.user as { id: string } | undefined
    return shallowRef(payload ? { key: user?.id ?? null, pending: false } : $account.get())
  }
  // The payload fills the store before anything reads it, as useDeviceSessions() does.
  initialDeviceSessions(found, payload as never)
  const state = shallowRef($account.get())
  const stop = $account.listen((value) => {
    state.value = value
  })
  if (getCurrentScope()) onScopeDispose(stop)
  return state
}

/**
 * The user id of the account the app acts as, `null` when signed out, as a readonly ref. It
 * changes only once better-auth's session holds the new account: key queries with it.
 *
 * @example
 * const accountKey = useAccountKey()
 * const notes = useQuery({ queryKey: ["notes", accountKey], queryFn: fetchNotes })
 */
export function useAccountKey(client?: MultiSessionAuthClient | null): ComputedRef<string | null> {
  const state = useAccountState(client)
  return computed(() => state.value.key)
}

/**
 * Remounts its default slot when the account the app acts as changes, so every component
 * below starts afresh for the new account; meanwhile it shows the `fallback` slot. No frame
 * shows one account's data under another's name.
 *
 * @example
 * <AccountBoundary>
 *   <Inbox />
 *   <template #fallback><Spinner /></template>
 * </AccountBoundary>
 */
export const AccountBoundary = /* @__PURE__ */ defineComponent({
  name: "AccountBoundary",
  props: {
    /** Defaults to the one from `app.use(multiSession)` or `provideMultiSession()`. */
    client: { type: Object as PropType<MultiSessionAuthClient>, default: undefined },
  },
  setup(props, { slots }) {
    const state = useAccountState(props.client)
    return () =>
      state.value.pending
        ? slots.fallback?.()
        : h(Fragment, { key: state.value.key ?? "" }, slots.default?.())
  },
})
