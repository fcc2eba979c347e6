import { AccountBoundary, useDeviceSessions } from "@multisession/react"
import { type CSSProperties, type FormEvent, useEffect, useRef, useState } from "react"
import { describe, hue, initials } from "../../shared/people"
import { authClient } from "./auth-client"
import { Notes } from "./Notes"

function Who({ user }: { user: { id: string; name: string; email: string } }) {
  return (
    <>
      <span
        className="avatar"
        aria-hidden="true"
        style={{ "--hue": hue(user.id) } as CSSProperties}
      >
        {initials(user.name)}
      </span>
      <div className="who">
        <span className="name">{user.name}</span>
        <span className="email">{user.email}</span>
      </div>
    </>
  )
}

export function App() {
  // The client comes from <MultiSessionProvider> in main.tsx; the type argument types the entries.
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
  } = useDeviceSessions<typeof authClient>()
  // The add-account form, open or not; "Sign in again" opens it with the email filled in.
  const [adding, setAdding] = useState<{ email: string } | null>(null)

  return (
    <main className="app">
      <h1>Accounts</h1>
      <p>React example</p>

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
          <Notes />
        </AccountBoundary>
      </section>

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
                {entry.isActive && <span className="badge">Active</span>}
                <div className="actions">
                  {/* The target is marked active at once; its button stays to say "Switching…". */}
                  {(!entry.isActive || isSwitching) && (
                    <button
                      type="button"
                      aria-label={`Switch to ${entry.user.name}`}
                      disabled={isSwitching}
                      onClick={() => setActive(entry)}
                    >
                      {isSwitching ? "Switching…" : "Switch"}
                    </button>
                  )}
                  <button
                    type="button"
                    className="danger"
                    aria-label={`Remove ${entry.user.name}`}
                    disabled={isRemoving}
                    onClick={() => revoke(entry)}
                  >
                    {isRemoving ? "Removing…" : "Remove"}
                  </button>
                </div>
              </li>
            )
          })}
        </ul>
      )}

      {activeNotListed && active ? (
        <p className="note">
          This device keeps at most 5 accounts; {active.user.name} is signed in but not saved in the
          list.
        </p>
      ) : isAtCapacity ? (
        <p className="note">This device is at its limit of 5 accounts.</p>
      ) : null}

      {error && (
        <p role="alert" className="error">
          {describe(error)}
        </p>
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
        className="secondary"
        aria-expanded={!!adding}
        onClick={() => setAdding(adding ? null : { email: "" })}
      >
        Add another account
      </button>
      {adding && (
        <AddAccount key={adding.email} email={adding.email} onDone={() => setAdding(null)} />
      )}

      {!!data?.length && (
        <button type="button" className="danger" onClick={() => authClient.signOut()}>
          Sign out of all accounts
        </button>
      )}
    </main>
  )
}

// After a sign-in or sign-up the list refreshes by itself: no refresh code here.
// An `email` given (a remembered account signing in again) is filled in, and the password
// field takes the focus.
function AddAccount({ email: known, onDone }: { email: string; onDone: () => void }) {
  const [mode, setMode] = useState<"sign-in" | "sign-up">("sign-in")
  const [form, setForm] = useState({ name: "", email: known, password: "" })
  const passwordInput = useRef<HTMLInputElement>(null)
  // The user asked for it with "Sign in again": the email is known, the password is next.
  useEffect(() => {
    if (known) passwordInput.current?.focus()
  }, [known])
  const [formError, setFormError] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const field = (key: keyof typeof form) => ({
    value: form[key],
    onChange: (event: { target: { value: string } }) =>
      setForm({ ...form, [key]: event.target.value }),
  })

  async function submit(event: FormEvent) {
    event.preventDefault()
    setSubmitting(true)
    setFormError(null)
    const { name, email, password } = form
    const { error } =
      mode === "sign-up"
        ? await authClient.signUp.email({ name, email, password })
        : await authClient.signIn.email({ email, password })
    setSubmitting(false)
    if (error) setFormError(error.message ?? "That did not work, please try again.")
    else onDone()
  }

  return (
    <form className="add-account" aria-label="Add account" onSubmit={submit}>
      <div>
        <button type="button" aria-pressed={mode === "sign-in"} onClick={() => setMode("sign-in")}>
          Sign in
        </button>
        <button type="button" aria-pressed={mode === "sign-up"} onClick={() => setMode("sign-up")}>
          Create account
        </button>
      </div>
      {mode === "sign-up" && (
        <label className="field">
          Name
          <input autoComplete="name" required {...field("name")} />
        </label>
      )}
      <label className="field">
        Email
        <input type="email" autoComplete="username" required {...field("email")} />
      </label>
      <label className="field">
        Password
        <input
          type="password"
          autoComplete={mode === "sign-up" ? "new-password" : "current-password"}
          required
          ref={passwordInput}
          {...field("password")}
        />
      </label>
      {formError && (
        <p role="alert" className="error">
          {formError}
        </p>
      )}
      <button type="submit" className="primary" disabled={submitting}>
        {mode === "sign-up" ? "Create account" : "Sign in"}
      </button>
    </form>
  )
}
