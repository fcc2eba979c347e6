import { onAccountChange } from "@multisession/core"
import { MultiSessionProvider } from "@multisession/react"
import { QueryClient, QueryClientProvider } from "@tanstack/react-query"
import { StrictMode } from "react"
import { createRoot } from "react-dom/client"
import "../../shared/switcher.css"
import { App } from "./App"
import { authClient } from "./auth-client"

const queryClient = new QueryClient()
// Nothing cached for one account is kept for the next.
onAccountChange(authClient, () => queryClient.clear())

// Every useDeviceSessions() below the provider reads this client.
createRoot(document.getElementById("root") as HTMLElement).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <MultiSessionProvider client={authClient}>
        <App client={authClient} subtitle="React example" />
      </MultiSessionProvider>
    </QueryClientProvider>
  </StrictMode>,
)
