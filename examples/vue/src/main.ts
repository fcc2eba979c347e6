import { onAccountChange } from "@multisession/core"
import { multiSession } from "@multisession/vue"
import { QueryClient, VueQueryPlugin } from "@tanstack/vue-query"
import { createApp } from "vue"
import "../../shared/switcher.css"
import App from "./App.vue"
import { authClient } from "./auth-client"

const queryClient = new QueryClient()
// Nothing cached for one account is kept for the next.
onAccountChange(authClient, () => queryClient.clear())

// Every useDeviceSessions() in the app now reads this client.
createApp(App, { client: authClient })
  .use(VueQueryPlugin, { queryClient })
  .use(multiSession, { client: authClient })
  .mount("#app")
