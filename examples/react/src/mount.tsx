// Mounts the switcher for a client: one TanStack Query cache, cleared on every account change,
// and the <MultiSessionProvider> every useDeviceSessions() below reads. main.tsx and
// per-tab.tsx differ only in their client.
import { onAccountChange } from "@multisession/core"
import { MultiSessionProvider } from "@multisession/react"
import { QueryClient, QueryClientProvider } from "@tanstack/react-query"
import { type ReactNode, StrictMode } from "react"
import { createRoot } from "react-dom/client"
import "../../shared/switcher.css"
import type { authClient } from "./auth-client"

/**
 * Renders `app` into #root, below the providers for `client`.
 *
 * @example
 * mount(authClient, <App client={authClient} subtitle="React example" />)
 */
export function mount(client: typeof authClient, app: ReactNode) {
  const queryClient = new QueryClient()
  // Nothing cached for one account is kept for the next.
  onAccountChange(client, () => queryClient.clear())
  createRoot(document.getElementById("root") as HTMLElement).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <MultiSessionProvider client={client}>{app}</MultiSessionProvider>
      </QueryClientProvider>
    </StrictMode>,
  )
}
