import { multiSessionClient } from "@multisession/core"
import { createAuthClient } from "better-auth/react"

// The app is served on the same origin as the auth API (/api/auth).
export const authClient = createAuthClient({
  baseURL: window.location.origin,
  plugins: [multiSessionClient({ maximumSessions: 5 })],
})
