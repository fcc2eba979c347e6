// The device's accounts, the current session and the active account's notes, read on the
// server with this request's cookies: the page renders from them, and the browser's stores
// start from them.
import type { DeviceSessionsPayload } from "@multisession/svelte"
import { getAuth } from "$lib/server/auth"
import { readNotes } from "../../../server/src/read-notes"
import type { LayoutServerLoad } from "./$types"

export const load: LayoutServerLoad = async ({ request, setHeaders }) => {
  const auth = await getAuth()
  const { headers } = request
  const [list, session] = await Promise.all([
    auth.api.listDeviceSessions({ headers }),
    auth.api.getSession({ headers }),
  ])
  // The page names this device's accounts: never kept by a shared cache.
  setHeaders({ "cache-control": "private, no-store" })
  const payload: DeviceSessionsPayload = { list, session }
  return { payload, notes: session ? await readNotes(auth, session.user) : null }
}
