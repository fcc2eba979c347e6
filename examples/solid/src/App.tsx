import { AccountBoundary, useDeviceSessions } from "@multisession/solid"
import { createSignal, For, Match, Show, Switch } from "solid-js"
import { CAPACITY_TEXT, describe, notListedText, settleFocus } from "../../shared/people"
import { AccountMenu } from "./AccountMenu"
import { AddAccount } from "./AddAccount"
import { authClient } from "./auth-client"
import { Notes } from "./Notes"
import { Who } from "./Person"
import { SignOutDialog } from "./SignOutDialog"

// Focus moves after a menu choice once the menu has given focus back to its button.
const focusSoon = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus())

export function App() {
  // The client comes from <MultiSessionProvider> in main.tsx; the type argument types the entries.
  const accounts = useDeviceSessions<typeof authClient>()
  // The add-account form, open or not; "Sign in again" opens it with the email filled in.
  // Equal by email, as React's key: the same email keeps the open form as it is.
  const [adding, setAdding] = createSignal<{ email: string } | null>(null, {
    equals: (before, after) => before?.email === after?.email,
  })
  const [confirming, setConfirming] = createSignal(false)

  const nameOf = (userId: string) =>
    [...(accounts.data ?? []), ...accounts.remembered].find((entry) => entry.user.id === userId)
      ?.user.name
  // Worth another try only when the server was not reached or failed, not when it said no.
  const canRetry = () => {
    const error = accounts.error
    return !!error && (error.code === "NETWORK_ERROR" || error.status >= 500)
  }
  const retry = () => {
    const error = accounts.error
    if (error?.action === "set-active" && error.userId) accounts.setActive({ userId: error.userId })
    else if (error?.action === "revoke" && error.userId) accounts.revoke({ userId: error.userId })
    else accounts.refetch()
  }
  const addLabel = () => (accounts.data?.length ? "Add another account" : "Add an account")

  return (
    <main class="app">
      <header class="topbar">
        <div>
          <h1>Accounts</h1>
          <p>Solid example</p>
        </div>
        <AccountMenu
          onAdd={(email) => setAdding({ email })}
          onManage={() => focusSoon("manage-accounts")}
          onSignOutAll={() => setConfirming(true)}
        />
      </header>

      <section class="card active-account" data-testid="active-account">
        <Show
          when={accounts.active}
          fallback={
            accounts.isPending ? <span class="spinner" aria-hidden="true" /> : <p>Not signed in</p>
          }
        >
          {(active) => <Who user={active().user} />}
        </Show>
      </section>

      <section class="card notes" aria-label="Notes">
        <AccountBoundary fallback={<p class="note">Switching…</p>}>
          <Notes />
        </AccountBoundary>
      </section>

      <h2 id="manage-accounts" tabindex={-1}>
        Manage accounts
      </h2>
      <Switch
        fallback={
          <ul class="accounts" aria-label="Signed-in accounts">
            <For each={accounts.data}>
              {(entry) => {
                const isSwitching = () => accounts.switching === entry.user.id
                const isRemoving = () => accounts.revoking.includes(entry.user.id)
                return (
                  <li
                    class={entry.isActive ? "account is-active" : "account"}
                    data-testid="account"
                    data-active={String(entry.isActive)}
                  >
                    <Who user={entry.user} />
                    {/* The badge moves once the server has answered; till then the target says so. */}
                    <Show when={entry.isActive && !isSwitching()}>
                      <span class="badge">Active</span>
                    </Show>
                    <div class="actions">
                      <Show when={!entry.isActive || isSwitching()}>
                        <button
                          type="button"
                          aria-label={`Switch to ${entry.user.name}`}
                          aria-busy={isSwitching()}
                          disabled={isSwitching()}
                          onClick={() => accounts.setActive(entry)}
                        >
                          <Show when={isSwitching()}>
                            <span class="spinner" aria-hidden="true" />
                          </Show>
                          {isSwitching() ? "Switching…" : "Switch"}
                        </button>
                      </Show>
                      <button
                        type="button"
                        class="danger"
                        aria-label={`Remove ${entry.user.name}`}
                        disabled={isRemoving()}
                        onClick={() => accounts.revoke(entry).then(settleFocus)}
                      >
                        {isRemoving() ? "Removing…" : "Remove"}
                      </button>
                    </div>
                  </li>
                )
              }}
            </For>
          </ul>
        }
      >
        <Match when={accounts.isPending}>
          <p class="note">Loading accounts…</p>
        </Match>
        <Match when={accounts.data?.length === 0}>
          <p class="empty">No accounts on this device yet.</p>
        </Match>
      </Switch>

      <Show when={accounts.activeNotListed && accounts.active}>
        {(active) => <p class="note">{notListedText(active().user.name)}</p>}
      </Show>

      <Show when={accounts.error}>
        {(error) => (
          <div role="alert" class="error">
            <span>{describe(error(), nameOf)}</span>
            <Show when={canRetry()}>
              <button type="button" onClick={retry}>
                Retry
              </button>
            </Show>
          </div>
        )}
      </Show>

      <Show when={accounts.remembered.length > 0}>
        <section aria-labelledby="signed-out">
          <h2 id="signed-out">Signed out</h2>
          <ul class="accounts" aria-label="Signed-out accounts">
            <For each={accounts.remembered}>
              {(account) => (
                <li class="account is-signed-out" data-testid="remembered">
                  <Who user={account.user} />
                  <div class="actions">
                    <button
                      type="button"
                      aria-label={`Sign in again as ${account.user.name}`}
                      onClick={() => setAdding({ email: account.user.email })}
                    >
                      Sign in again
                    </button>
                    <button
                      type="button"
                      class="danger"
                      aria-label={`Remove ${account.user.name} from this device`}
                      onClick={() => accounts.forget(account.user.id)}
                    >
                      Remove from this device
                    </button>
                  </div>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>

      <button
        type="button"
        id="add-account"
        class="secondary"
        aria-expanded={!!adding()}
        disabled={accounts.isAtCapacity}
        aria-describedby={accounts.isAtCapacity ? "capacity" : undefined}
        onClick={() => setAdding(adding() ? null : { email: "" })}
      >
        {addLabel()}
      </button>
      <Show when={accounts.isAtCapacity}>
        <p id="capacity" class="note">
          {CAPACITY_TEXT}
        </p>
      </Show>
      {/* Keyed: "Sign in again" for another account starts the form afresh. */}
      <Show when={adding()} keyed>
        {(open) => <AddAccount email={open.email} onDone={() => setAdding(null)} />}
      </Show>

      <Show when={accounts.data?.length}>
        <button type="button" class="danger" onClick={() => setConfirming(true)}>
          Sign out of all accounts
        </button>
      </Show>
      <SignOutDialog
        open={confirming()}
        onOpenChange={setConfirming}
        onConfirm={() => authClient.signOut()}
      />
    </main>
  )
}
