// How every example app shows a person, a limit and an error: the same words in all four.

/** The example server's `maximumSessions`, and better-auth's shortest password. */
export const MAXIMUM_SESSIONS = 5
export const MIN_PASSWORD_LENGTH = 8

/**
 * One colour per person, the same everywhere: the user id hashed (FNV-1a) onto the hue
 * circle, so ids that differ in one character still land far apart.
 */
export const hue = (id: string) => {
  let hash = 0x811c9dc5
  for (const char of id) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193)
  return (hash >>> 0) % 360
}

/** Up to two initials, for the avatar. */
export const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0])
    .join("")
    .toUpperCase()

/** A menu item's name for a screen reader: what it does, to whom. */
export const switchLabel = (user: { name: string; email: string }) =>
  `Switch to ${user.name}, ${user.email}`
export const signInAgainLabel = (user: { name: string; email: string }) =>
  `Sign in again as ${user.name}, ${user.email}`

/** Why "Add another account" is disabled, and what to do about it. */
export const CAPACITY_TEXT = `This device holds at most ${MAXIMUM_SESSIONS} accounts. Remove one to add another.`

/** The active account past the device's limit: signed in, but kept nowhere to come back to. */
export const notListedText = (name: string) =>
  `You're signed in as ${name}, but this device already holds ${MAXIMUM_SESSIONS} other accounts, so ${name} isn't kept here: after you switch away you'd have to sign in again. Remove an account, then sign in again to keep ${name} on this device.`

type Failure = { code: string; message: string; action: string; userId: string | null }

const reason = (error: Failure) => {
  switch (error.code) {
    case "NETWORK_ERROR":
      return "the server can't be reached"
    case "INVALID_SESSION_TOKEN":
    case "DEVICE_SESSION_NOT_FOUND":
      return "that account was already removed from this device"
    default:
      return error.message.charAt(0).toLowerCase() + error.message.slice(1).replace(/\.$/, "")
  }
}

/**
 * The error a switch, a removal or a refresh ended with (a `MultiSessionError`), in words
 * that name the action and the account: "Couldn't switch to Ada Lovelace: the server can't
 * be reached." `nameOf` finds the account's name by id.
 */
export const describe = (error: Failure, nameOf: (userId: string) => string | undefined) => {
  const name = (error.userId && nameOf(error.userId)) || "that account"
  const what =
    error.action === "set-active"
      ? `switch to ${name}`
      : error.action === "revoke"
        ? `remove ${name}`
        : "load this device's accounts"
  return `Couldn't ${what}: ${reason(error)}.`
}

/** A sign-in or sign-up error, in words that say what to do. */
export const describeFormError = (error: { code?: string; message?: string }) => {
  switch (error.code) {
    case "PASSWORD_TOO_SHORT":
      return `That password is too short: use at least ${MIN_PASSWORD_LENGTH} characters.`
    case "INVALID_EMAIL_OR_PASSWORD":
      return "That email and password don't match an account."
    case "USER_ALREADY_EXISTS":
    case "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL":
      return "There is already an account with that email: sign in instead."
    default:
      return error.message ?? "That did not work, please try again."
  }
}

/**
 * Where focus goes once an account's row has left the page: the "Manage accounts" heading,
 * or "Add an account" when none is left, never the page's body.
 */
export const settleFocus = () =>
  requestAnimationFrame(() => {
    if (document.activeElement && document.activeElement !== document.body) return
    const target =
      document.querySelector<HTMLElement>('[data-testid="account"]') === null
        ? document.getElementById("add-account")
        : document.getElementById("manage-accounts")
    target?.focus()
  })
