import { App } from "./App"
import { authClient } from "./auth-client"
import { mount } from "./mount"

mount(authClient, <App client={authClient} subtitle="React example" />)
