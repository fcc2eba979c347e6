import { autoSwitch, multiSessionClient } from "@multisession/core"
import { createAuthClient } from "better-auth/solid"

// The app is served on the same origin as the auth API (/api/auth).
export const authClient = createAuthClient({
  baseURL: window.location.origin,
  // When the active session is lost (expired, revoked elsewhere), go on as the account used last.
  plugins: [multiSessionClient({ maximumSessions: 5, autoSwitch: autoSwitch("most-recent") })],
})
