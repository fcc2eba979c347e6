// Per request on the server, once in the browser: the accounts this page is rendered from,
// handed to the Vue binding and to a query cache of this app's own. On the server they are read
// with the request's cookies (server/utils/accounts.ts); Nuxt's payload carries them to the
// browser, whose store starts from them: hydration asks for no list, and the markup matches.
import { multiSession, onAccountChange } from "@multisession/vue"
import { QueryClient, VueQueryPlugin } from "@tanstack/vue-query"
import { FRESH_MS } from "../../../shared/notes"
import type { ServedAccounts } from "../../shared/accounts"
import { authClient } from "../auth-client"

export default defineNuxtPlugin(async (nuxtApp) => {
  const served = useState<ServedAccounts | null>("accounts", () => null)
  if (import.meta.server) {
    const load = useRequestEvent()?.context.loadAccounts
    served.value = load ? await load() : null
  }
  // One cache per app, so a server render never shares it with another request's. The notes
  // the server read are the active account's, under the key its Notes query reads.
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: FRESH_MS } } })
  const notes = served.value?.notes
  if (notes) queryClient.setQueryData(["notes", notes.userId], notes)
  nuxtApp.vueApp
    .use(VueQueryPlugin, { queryClient })
    .use(multiSession, { client: authClient, payload: served.value?.payload })
  // Nothing cached for one account is kept for the next. In the browser only (on the server
  // the client is shared by every request), and once the page has hydrated: a store already
  // followed takes no payload.
  nuxtApp.hook("app:mounted", () => {
    onAccountChange(authClient, () => queryClient.clear())
  })
})
