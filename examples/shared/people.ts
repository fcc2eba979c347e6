// How every example app shows a person and an error, the same in all four.

/** One colour per person, the same in the header and the list. */
export const hue = (id: string) =>
  [...id].reduce((sum, char) => (sum * 31 + char.charCodeAt(0)) % 360, 0)

/** Up to two initials, for the avatar. */
export const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0])
    .join("")
    .toUpperCase()

/** The error a switch or removal ended with (a `MultiSessionError`), in words. */
export const describe = (error: { code: string; message: string }) =>
  error.code === "INVALID_SESSION_TOKEN"
    ? "That account was already removed from this device."
    : error.message
