// The same switcher with an account in each tab: "Use in this tab" switches this tab only,
// "Open in a new tab" opens another tab on that account. The example server runs
// perTabAccounts() of @multisession/server beside multiSession().
import { multiSessionClient, perTabAccountsClient } from "@multisession/core"
import { createAuthClient } from "better-auth/react"
import { App } from "./App"
import { mount } from "./mount"

const authClient = createAuthClient({
  baseURL: window.location.origin,
  plugins: [multiSessionClient({ maximumSessions: 5 }), perTabAccountsClient()],
})

mount(
  authClient,
  <App client={authClient} perTab={authClient.perTab} subtitle="React, an account in each tab" />,
)
