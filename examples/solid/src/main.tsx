import { onAccountChange } from "@multisession/core"
import { MultiSessionProvider } from "@multisession/solid"
import { QueryClient, QueryClientProvider } from "@tanstack/solid-query"
import { render } from "solid-js/web"
import "../../shared/switcher.css"
import { App } from "./App"
import { authClient } from "./auth-client"

const queryClient = new QueryClient()
// Nothing cached for one account is kept for the next.
onAccountChange(authClient, () => queryClient.clear())

// Every useDeviceSessions() below the provider reads this client.
render(
  () => (
    <QueryClientProvider client={queryClient}>
      <MultiSessionProvider client={authClient}>
        <App />
      </MultiSessionProvider>
    </QueryClientProvider>
  ),
  document.getElementById("root") as HTMLElement,
)
