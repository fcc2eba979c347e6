import { createSignal, onCleanup, onMount, Show } from "solid-js"
import { describeFormError, MIN_PASSWORD_LENGTH } from "../../shared/people"
import { authClient } from "./auth-client"

// After a sign-in or sign-up the list refreshes by itself: no refresh code here.
// The first empty field takes the focus: the email, or the password when the email is known
// (a remembered account signing in again).
export function AddAccount(props: { email: string; onDone: () => void }) {
  const [mode, setMode] = createSignal<"sign-in" | "sign-up">("sign-in")
  // Read once: the parent starts a new form for another email.
  const [form, setForm] = createSignal({ name: "", email: props.email, password: "" })
  let emailInput: HTMLInputElement | undefined
  let passwordInput: HTMLInputElement | undefined
  onMount(() => {
    // After a menu choice the menu gives focus back to its button first.
    const frame = requestAnimationFrame(() => (props.email ? passwordInput : emailInput)?.focus())
    onCleanup(() => cancelAnimationFrame(frame))
  })
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
    if (error) setFormError(describeFormError(error))
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
          Existing account
        </button>
        <button
          type="button"
          aria-pressed={mode() === "sign-up"}
          onClick={() => setMode("sign-up")}
        >
          New account
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
        <input type="email" autocomplete="username" required ref={emailInput} {...field("email")} />
      </label>
      <label class="field">
        Password
        <input
          type="password"
          autocomplete={mode() === "sign-up" ? "new-password" : "current-password"}
          required
          aria-describedby={mode() === "sign-up" ? "password-hint" : undefined}
          ref={passwordInput}
          {...field("password")}
        />
        <Show when={mode() === "sign-up"}>
          <span id="password-hint" class="hint">
            At least {MIN_PASSWORD_LENGTH} characters.
          </span>
        </Show>
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
