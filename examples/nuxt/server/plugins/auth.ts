// The database is opened and migrated when the server starts, not on the first request (and
// not at build). Each request gets its page's loader, which the Vue app's plugin calls.

import { loadAccounts } from "../utils/accounts"
import { getAuth } from "../utils/auth"

export default defineNitroPlugin((nitroApp) => {
  getAuth().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
  nitroApp.hooks.hook("request", (event) => {
    event.context.loadAccounts = () => loadAccounts(event)
  })
})
