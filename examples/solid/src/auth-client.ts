import { autoSwitch, multiSessionClient, rememberAccounts } from "@multisession/core"
import { createAuthClient } from "better-auth/solid"

// The app is served on the same origin as the auth API (/api/auth).
export const authClient = createAuthClient({
  baseURL: window.location.origin,
  plugins: [
    multiSessionClient({
      maximumSessions: 5,
      // When the active session is lost (expired, revoked elsewhere), go on as the account used last.
      autoSwitch: autoSwitch("most-recent"),
      // Accounts that leave this device stay on the chooser as "Signed out" (name, email, avatar).
      remember: rememberAccounts({ max: 5 }),
    }),
  ],
})
