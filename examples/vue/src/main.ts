import { multiSession } from "@multisession/vue"
import { createApp } from "vue"
import "../../shared/switcher.css"
import App from "./App.vue"
import { authClient } from "./auth-client"

// Every useDeviceSessions() in the app now reads this client.
createApp(App).use(multiSession, { client: authClient }).mount("#app")
