import { type FormEvent, useEffect, useRef, useState } from "react"
import { describeFormError, MIN_PASSWORD_LENGTH } from "../../shared/people"
import type { authClient } from "./auth-client"

// After a sign-in or sign-up the list refreshes by itself: no refresh code here.
// The first empty field takes the focus: the email, or the password when the email is known
// (a remembered account signing in again).
// The client comes as a prop: the Next.js example uses this form with its own.
export function AddAccount({
  client,
  email: known,
  onDone,
}: {
  client: Pick<typeof authClient, "signIn" | "signUp">
  email: string
  onDone: () => void
}) {
  const [mode, setMode] = useState<"sign-in" | "sign-up">("sign-in")
  const [form, setForm] = useState({ name: "", email: known, password: "" })
  const emailInput = useRef<HTMLInputElement>(null)
  const passwordInput = useRef<HTMLInputElement>(null)
  useEffect(() => {
    // After a menu choice the menu gives focus back to its button first.
    const frame = requestAnimationFrame(() => (known ? passwordInput : emailInput).current?.focus())
    return () => cancelAnimationFrame(frame)
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
        ? await client.signUp.email({ name, email, password })
        : await client.signIn.email({ email, password })
    setSubmitting(false)
    if (error) setFormError(describeFormError(error))
    else onDone()
  }

  return (
    <form className="add-account" aria-label="Add account" onSubmit={submit}>
      <div>
        <button type="button" aria-pressed={mode === "sign-in"} onClick={() => setMode("sign-in")}>
          Existing account
        </button>
        <button type="button" aria-pressed={mode === "sign-up"} onClick={() => setMode("sign-up")}>
          New account
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
        <input type="email" autoComplete="username" required ref={emailInput} {...field("email")} />
      </label>
      <label className="field">
        Password
        <input
          type="password"
          autoComplete={mode === "sign-up" ? "new-password" : "current-password"}
          required
          aria-describedby={mode === "sign-up" ? "password-hint" : undefined}
          ref={passwordInput}
          {...field("password")}
        />
        {mode === "sign-up" && (
          <span id="password-hint" className="hint">
            At least {MIN_PASSWORD_LENGTH} characters.
          </span>
        )}
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
