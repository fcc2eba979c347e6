// The same switcher with an account in each tab: "Use in this tab" switches this tab only,
// "Open in a new tab" opens another tab on that account. The example server runs
// perTabAccounts() of @multisession/server beside multiSession().
import { multiSessionClient, onAccountChange, perTabAccountsClient } from "@multisession/core"
import { MultiSessionProvider } from "@multisession/react"
import { QueryClient, QueryClientProvider } from "@tanstack/react-query"
import { createAuthClient } from "better-auth/react"
import { StrictMode } from "react"
import { createRoot } from "react-dom/client"
import "../../shared/switcher.css"
import { App } from "./App"

const authClient = createAuthClient({
  baseURL: window.location.origin,
  plugins: [multiSessionClient({ maximumSessions: 5 }), perTabAccountsClient()],
})

const queryClient = new QueryClient()
// Nothing cached for one account is kept for the next.
onAccountChange(authClient, () => queryClient.clear())

createRoot(document.getElementById("root") as HTMLElement).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <MultiSessionProvider client={authClient}>
        <App
          client={authClient}
          perTab={authClient.perTab}
          subtitle="React, an account in each tab"
        />
      </MultiSessionProvider>
    </QueryClientProvider>
  </StrictMode>,
)
