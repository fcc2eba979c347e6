import { autoSwitch, multiSessionClient } from "@multisession/core"
import { createAuthClient } from "better-auth/react"

// No baseURL: in the browser better-auth uses the page's origin, and nothing reads `window`
// while the module loads on the server. On the server this client never fetches: the page
// renders from the payload app/page.tsx read, and one client serves every request.
export const authClient = createAuthClient({
  plugins: [
    multiSessionClient({
      maximumSessions: 5,
      // When the active session is lost (expired, revoked elsewhere), go on as the account used last.
      autoSwitch: autoSwitch("most-recent"),
    }),
  ],
})
