import { MultiSessionProvider } from "@multisession/react"
import { StrictMode } from "react"
import { createRoot } from "react-dom/client"
import "../../shared/switcher.css"
import { App } from "./App"
import { authClient } from "./auth-client"

// Every useDeviceSessions() below the provider reads this client.
createRoot(document.getElementById("root") as HTMLElement).render(
  <StrictMode>
    <MultiSessionProvider client={authClient}>
      <App />
    </MultiSessionProvider>
  </StrictMode>,
)
