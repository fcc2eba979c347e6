import { multiSessionClient } from "@multisession/core"
import { multiSession } from "@multisession/vue"
import { createAuthClient } from "better-auth/vue"
import { createApp } from "vue"
import App from "./App.vue"

const authClient = createAuthClient({ plugins: [multiSessionClient()] })
Object.assign(window, { authClient })

createApp(App).use(multiSession, { client: authClient }).mount("#root")
