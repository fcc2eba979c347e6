import { AccountBoundary, useDeviceSessions } from "@multisession/solid"
import { createSignal, For, onMount, Show } from "solid-js"
import { describe, hue, initials } from "../../shared/people"
import { authClient } from "./auth-client"
import { Notes } from "./Notes"

function Who(props: { user: { id: string; name: string; email: string } }) {
  return (
    <>
      <span class="avatar" aria-hidden="true" style={{ "--hue": hue(props.user.id) }}>
        {initials(props.user.name)}
      </span>
      <div class="who">
        <span class="name">{props.user.name}</span>
        <span class="email">{props.user.email}</span>
      </div>
    </>
  )
}

export function App() {
  // The client comes from <MultiSessionProvider> in main.tsx; the type argument types the entries.
  const accounts = useDeviceSessions<typeof authClient>()
  // The add-account form, open or not; "Sign in again" opens it with the email filled in.
  const [adding, setAdding] = createSignal<{ email: string } | null>(null)

  return (
    <main class="app">
      <h1>Accounts</h1>
      <p>Solid example</p>

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

      <Show when={!accounts.isPending} fallback={<p class="note">Loading accounts…</p>}>
        <Show
          when={accounts.data?.length !== 0}
          fallback={<p class="empty">No accounts on this device yet.</p>}
        >
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
                    <Show when={entry.isActive}>
                      <span class="badge">Active</span>
                    </Show>
                    <div class="actions">
                      {/* The target is marked active at once; its button stays to say "Switching…". */}
                      <Show when={!entry.isActive || isSwitching()}>
                        <button
                          type="button"
                          aria-label={`Switch to ${entry.user.name}`}
                          disabled={isSwitching()}
                          onClick={() => accounts.setActive(entry)}
                        >
                          {isSwitching() ? "Switching…" : "Switch"}
                        </button>
                      </Show>
                      <button
                        type="button"
                        class="danger"
                        aria-label={`Remove ${entry.user.name}`}
                        disabled={isRemoving()}
                        onClick={() => accounts.revoke(entry)}
                      >
                        {isRemoving() ? "Removing…" : "Remove"}
                      </button>
                    </div>
                  </li>
                )
              }}
            </For>
          </ul>
        </Show>
      </Show>

      <Show
        when={accounts.activeNotListed && accounts.active}
        fallback={
          <Show when={accounts.isAtCapacity}>
            <p class="note">This device is at its limit of 5 accounts.</p>
          </Show>
        }
      >
        {(active) => (
          <p class="note">
            This device keeps at most 5 accounts; {active().user.name} is signed in but not saved in
            the list.
          </p>
        )}
      </Show>

      <Show when={accounts.error}>
        {(error) => (
          <p role="alert" class="error">
            {describe(error())}
          </p>
        )}
      </Show>

      <Show when={accounts.remembered.length}>
        <section aria-labelledby="signed-out">
          <h2 id="signed-out">Signed out</h2>
          <ul class="accounts" aria-label="Signed-out accounts">
            <For each={accounts.remembered}>
              {({ user }) => (
                <li class="account is-signed-out" data-testid="remembered">
                  <Who user={user} />
                  <div class="actions">
                    <button
                      type="button"
                      aria-label={`Sign in again as ${user.name}`}
                      onClick={() => setAdding({ email: user.email })}
                    >
                      Sign in again
                    </button>
                    <button
                      type="button"
                      class="danger"
                      aria-label={`Remove ${user.name} from this device`}
                      onClick={() => accounts.forget(user.id)}
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
        class="secondary"
        aria-expanded={!!adding()}
        onClick={() => setAdding(adding() ? null : { email: "" })}
      >
        Add another account
      </button>
      {/* Keyed: "Sign in again" for another account starts the form afresh. */}
      <Show when={adding()} keyed>
        {(open) => <AddAccount email={open.email} onDone={() => setAdding(null)} />}
      </Show>

      <Show when={accounts.data?.length}>
        <button type="button" class="danger" onClick={() => authClient.signOut()}>
          Sign out of all accounts
        </button>
      </Show>
    </main>
  )
}

// After a sign-in or sign-up the list refreshes by itself: no refresh code here.
// An `email` given (a remembered account signing in again) is filled in, and the password
// field takes the focus.
function AddAccount(props: { email: string; onDone: () => void }) {
  const [mode, setMode] = createSignal<"sign-in" | "sign-up">("sign-in")
  const [form, setForm] = createSignal({ name: "", email: props.email, password: "" })
  let passwordInput: HTMLInputElement | undefined
  onMount(() => props.email && passwordInput?.focus())
  const [formError, setFormError] = createSignal<string | null>(null)
  const [submitting, setSubmitting] = createSignal(false)
  const field = (key: "name" | "email" | "password") => ({
    value: form()[key],
    onInput: (event: { currentTarget: { value: string } }) =>
      setForm({ ...form(), [key]: event.currentTarget.value }),
  })

  async function submit(event: SubmitEvent) {
    event.preventDefault()
    setSubmitting(true)
    setFormError(null)
    const { name, email, password } = form()
    const { error } =
      mode() === "sign-up"
        ? await authClient.signUp.email({ name, email, password })
        : await authClient.signIn.email({ email, password })
    setSubmitting(false)
    if (error) setFormError(error.message ?? "That did not work, please try again.")
    else props.onDone()
  }

  return (
    <form class="add-account" aria-label="Add account" onSubmit={submit}>
      <div>
        <button
          type="button"
          aria-pressed={mode() === "sign-in"}
          onClick={() => setMode("sign-in")}
        >
          Sign in
        </button>
        <button
          type="button"
          aria-pressed={mode() === "sign-up"}
          onClick={() => setMode("sign-up")}
        >
          Create account
        </button>
      </div>
      <Show when={mode() === "sign-up"}>
        <label class="field">
          Name
          <input autocomplete="name" required {...field("name")} />
        </label>
      </Show>
      <label class="field">
        Email
        <input type="email" autocomplete="username" required {...field("email")} />
      </label>
      <label class="field">
        Password
        <input
          ref={passwordInput}
          type="password"
          autocomplete={mode() === "sign-up" ? "new-password" : "current-password"}
          required
          {...field("password")}
        />
      </label>
      <Show when={formError()}>
        {(message) => (
          <p role="alert" class="error">
            {message()}
          </p>
        )}
      </Show>
      <button type="submit" class="primary" disabled={submitting()}>
        {mode() === "sign-up" ? "Create account" : "Sign in"}
      </button>
    </form>
  )
}
