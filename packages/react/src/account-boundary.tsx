import { type AccountState, accountState, type MultiSessionAuthClient } from "@multisession/core"
import { Fragment, type ReactNode, useContext, useMemo, useSyncExternalStore } from "react"
import { MultiSessionContext } from "./context"

function useAccountState(client?: MultiSessionAuthClient | null): AccountState {
  const provided = useContext(MultiSessionContext)
  const found = client ?? provided?.client
  if (!found) throw new Error("useAccountKey() needs a <MultiSessionProvider> or a client")
  const $account = accountState(found)
  // A server render (and the hydration after it) shows the account the payload names; the
  // same object each time, as React asks of a server snapshot.
  const served = provided?.client === found ? provided.serverState : null
  const onServer = useMemo(
    () =>
      served && {
        key: (served.active?.user as { id: string } | undefined)?.id ?? null,
        pending: false,
      },
    [served],
  )
  return useSyncExternalStore($account.listen, $account.get, () => onServer || $account.get())
}

/**
 * The user id of the account the app acts as, `null` when signed out. It changes only once
 * better-auth's session holds the new account: key queries or state with it.
 *
 * @example
 * const accountKey = useAccountKey(authClient)
 * const notes = useQuery({ queryKey: ["notes", accountKey], queryFn: fetchNotes })
 */
export function useAccountKey(client?: MultiSessionAuthClient | null): string | null {
  return useAccountState(client).key
}

export interface AccountBoundaryProps {
  /** Defaults to the `<MultiSessionProvider>`'s. */
  client?: MultiSessionAuthClient | null
  /** Shown before the account is known, and while this tab switches away from it. */
  fallback?: ReactNode
  children?: ReactNode
}

/**
 * Remounts its children when the account the app acts as changes, so every piece of state
 * below starts afresh for the new account; meanwhile it shows `fallback`. No frame shows one
 * account's data under another's name. Suspense below it works as usual.
 *
 * @example
 * <AccountBoundary fallback={<Spinner />}>
 *   <Inbox />
 * </AccountBoundary>
 */
export function AccountBoundary({ client, fallback = null, children }: AccountBoundaryProps) {
  const { key, pending } = useAccountState(client)
  return <Fragment key={key ?? ""}>{pending ? fallback : children}</Fragment>
}
