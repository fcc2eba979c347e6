import { AccountBoundary, useDeviceSessions } from "@multisession/react"
import { useState } from "react"
import { CAPACITY_TEXT, describe, notListedText, settleFocus } from "../../shared/people"
import { AccountMenu } from "./AccountMenu"
import { AddAccount } from "./AddAccount"
import type { authClient } from "./auth-client"
import { Notes } from "./Notes"
import { Who } from "./Person"
import { SignOutDialog } from "./SignOutDialog"

// Focus moves after a menu choice once the menu has given focus back to its button.
const focusSoon = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus())

/**
 * The whole switcher. The client's store comes from the <MultiSessionProvider> above (main.tsx
 * here; the Next.js example's server-rendered page too), the client itself for sign-in and
 * sign-out as a prop; the type argument types the entries.
 */
export function App({
  client,
  subtitle,
  perTab,
}: {
  client: Pick<typeof authClient, "signIn" | "signUp" | "signOut">
  subtitle: string
  /** With `perTabAccountsClient()`: each tab keeps its own account (per-tab.tsx). */
  perTab?: { headers(): Record<string, string> }
}) {
  const {
    data,
    active,
    error,
    isPending,
    switching,
    revoking,
    isAtCapacity,
    activeNotListed,
    remembered,
    setActive,
    revoke,
    forget,
    refetch,
  } = useDeviceSessions<typeof authClient>()
  // The add-account form, open or not; "Sign in again" opens it with the email filled in.
  const [adding, setAdding] = useState<{ email: string } | null>(null)
  const [confirming, setConfirming] = useState(false)

  const nameOf = (userId: string) =>
    [...(data ?? []), ...remembered].find((entry) => entry.user.id === userId)?.user.name
  // Worth another try only when the server was not reached or failed, not when it said no.
  const retry =
    error && (error.code === "NETWORK_ERROR" || error.status >= 500)
      ? () =>
          error.action === "set-active" && error.userId
            ? setActive({ userId: error.userId })
            : error.action === "revoke" && error.userId
              ? revoke({ userId: error.userId })
              : refetch()
      : null
  const addLabel = data?.length ? "Add another account" : "Add an account"

  return (
    <main className="app">
      <header className="topbar">
        <div>
          <h1>Accounts</h1>
          <p>{subtitle}</p>
        </div>
        <AccountMenu
          onAdd={(email) => setAdding({ email })}
          onManage={() => focusSoon("manage-accounts")}
          onSignOutAll={() => setConfirming(true)}
        />
      </header>

      <section className="card active-account" data-testid="active-account">
        {active ? (
          <Who user={active.user} />
        ) : isPending ? (
          <span className="spinner" aria-hidden="true" />
        ) : (
          <p>Not signed in</p>
        )}
      </section>

      <section className="card notes" aria-label="Notes">
        <AccountBoundary fallback={<p className="note">Switching…</p>}>
          <Notes headers={perTab?.headers} />
        </AccountBoundary>
      </section>

      <h2 id="manage-accounts" tabIndex={-1}>
        Manage accounts
      </h2>
      {isPending ? (
        <p className="note">Loading accounts…</p>
      ) : data?.length === 0 ? (
        <p className="empty">No accounts on this device yet.</p>
      ) : (
        <ul className="accounts" aria-label="Signed-in accounts">
          {data?.map((entry) => {
            const isSwitching = switching === entry.user.id
            const isRemoving = revoking.includes(entry.user.id)
            return (
              <li
                key={entry.user.id}
                className={entry.isActive ? "account is-active" : "account"}
                data-testid="account"
                data-active={String(entry.isActive)}
              >
                <Who user={entry.user} />
                {/* The badge moves once the server has answered; till then the target says so. */}
                {entry.isActive && !isSwitching && <span className="badge">Active</span>}
                <div className="actions">
                  {(!entry.isActive || isSwitching) && (
                    <button
                      type="button"
                      aria-label={
                        perTab
                          ? `Use ${entry.user.name} in this tab`
                          : `Switch to ${entry.user.name}`
                      }
                      aria-busy={isSwitching}
                      disabled={isSwitching}
                      onClick={() => setActive(entry)}
                    >
                      {isSwitching && <span className="spinner" aria-hidden="true" />}
                      {isSwitching ? "Switching…" : perTab ? "Use in this tab" : "Switch"}
                    </button>
                  )}
                  {/* A new tab's URL names its account; its sessionStorage starts empty. */}
                  {perTab && (
                    <a
                      className="button secondary"
                      href={`?account=${encodeURIComponent(entry.user.id)}`}
                      target="_blank"
                      rel="noopener"
                      aria-label={`Open ${entry.user.name} in a new tab`}
                    >
                      Open in a new tab
                    </a>
                  )}
                  <button
                    type="button"
                    className="danger"
                    aria-label={`Remove ${entry.user.name}`}
                    disabled={isRemoving}
                    onClick={() => revoke(entry).then(settleFocus)}
                  >
                    {isRemoving ? "Removing…" : "Remove"}
                  </button>
                </div>
              </li>
            )
          })}
        </ul>
      )}

      {activeNotListed && active ? <p className="note">{notListedText(active.user.name)}</p> : null}

      {error && (
        <div role="alert" className="error">
          <span>{describe(error, nameOf)}</span>
          {retry && (
            <button type="button" onClick={retry}>
              Retry
            </button>
          )}
        </div>
      )}

      {remembered.length > 0 && (
        <section aria-labelledby="signed-out">
          <h2 id="signed-out">Signed out</h2>
          <ul className="accounts" aria-label="Signed-out accounts">
            {remembered.map(({ user }) => (
              <li key={user.id} className="account is-signed-out" data-testid="remembered">
                <Who user={user} />
                <div className="actions">
                  <button
                    type="button"
                    aria-label={`Sign in again as ${user.name}`}
                    onClick={() => setAdding({ email: user.email })}
                  >
                    Sign in again
                  </button>
                  <button
                    type="button"
                    className="danger"
                    aria-label={`Remove ${user.name} from this device`}
                    onClick={() => forget(user.id)}
                  >
                    Remove from this device
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}

      <button
        type="button"
        id="add-account"
        className="secondary"
        aria-expanded={!!adding}
        disabled={isAtCapacity}
        aria-describedby={isAtCapacity ? "capacity" : undefined}
        onClick={() => setAdding(adding ? null : { email: "" })}
      >
        {addLabel}
      </button>
      {isAtCapacity && (
        <p id="capacity" className="note">
          {CAPACITY_TEXT}
        </p>
      )}
      {adding && (
        <AddAccount
          key={adding.email}
          client={client}
          email={adding.email}
          onDone={() => setAdding(null)}
        />
      )}

      {!!data?.length && (
        <button type="button" className="danger" onClick={() => setConfirming(true)}>
          Sign out of all accounts
        </button>
      )}
      <SignOutDialog
        open={confirming}
        onOpenChange={setConfirming}
        onConfirm={() => client.signOut()}
      />
    </main>
  )
}
