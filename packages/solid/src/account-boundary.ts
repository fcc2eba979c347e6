import {
  type AccountState,
  accountState,
  initialDeviceSessions,
  type MultiSessionAuthClient,
} from "@multisession/core"
import {
  type Accessor,
  createComponent,
  createMemo,
  createSignal,
  type JSX,
  onCleanup,
  Show,
} from "solid-js"
import { clientOf } from "./context"

function useAccountState(client?: MultiSessionAuthClient | null): Accessor<AccountState> {
  const { found, payload } = clientOf(client, "useAccountKey")
  const $account = accountState(found)
  if (typeof window === "undefined") {
    // A server render shows the account the payload names; without one, nothing yet.
    const user = payload?.session?.user as { id: string } | undefined
    const served = payload ? { key: user?.id ?? null, pending: false } : $account.get()
    return () => served
  }
  // The payload fills the store before anything reads it, as useDeviceSessions() does.
  initialDeviceSessions(found, payload as never)
  const [account, setAccount] = createSignal($account.get())
  onCleanup($account.listen((value) => setAccount(value)))
  return account
}

/**
 * The user id of the account the app acts as, `null` when signed out, as an accessor. It
 * changes only once better-auth's session holds the new account: key queries with it.
 *
 * @example
 * const accountKey = useAccountKey()
 * const notes = createQuery(() => ({ queryKey: ["notes", accountKey()], queryFn: fetchNotes }))
 */
export function useAccountKey(client?: MultiSessionAuthClient | null): Accessor<string | null> {
  const account = useAccountState(client)
  return () => account().key
}

/** Props of `<AccountBoundary>`. */
export interface AccountBoundaryProps {
  /** Defaults to the `<MultiSessionProvider>`'s. */
  client?: MultiSessionAuthClient | null
  /** Shown before the account is known, and while this tab switches away from it. */
  fallback?: JSX.Element
  children?: JSX.Element
}

/**
 * Remounts its children when the account the app acts as changes, so everything below starts
 * afresh for the new account; meanwhile it shows `fallback`. No frame shows one account's
 * data under another's name.
 *
 * @example
 * <AccountBoundary fallback={<p>Switching…</p>}><Inbox /></AccountBoundary>
 */
export function AccountBoundary(props: AccountBoundaryProps): JSX.Element {
  const account = useAccountState(props.client)
  // The same object while the key stays the same: a keyed <Show> remounts when it changes.
  const current = createMemo(() => ({ key: account().key }), undefined, {
    equals: (a, b) => a.key === b.key,
  })
  return createComponent(Show, {
    get when() {
      return !account().pending && current()
    },
    keyed: true,
    get fallback() {
      return props.fallback
    },
    // A render function (one parameter): called afresh each time the key changes.
    children: (_current: unknown) => props.children,
  })
}
