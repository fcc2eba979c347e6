import { autoSwitch, multiSessionClient } from "@multisession/core"
import { createAuthClient } from "better-auth/vue"

// No baseURL: in the browser better-auth uses the page's origin, and nothing reads `window`
// while the module loads on the server. On the server this client never fetches: the page
// renders from the payload plugins/multisession.ts loaded. No remembered accounts: they live
// in the browser's storage, which the server cannot render.
export const authClient = createAuthClient({
  plugins: [
    multiSessionClient({
      maximumSessions: 5,
      // When the active session is lost (expired, revoked elsewhere), go on as the account used last.
      autoSwitch: autoSwitch("most-recent"),
    }),
  ],
})
