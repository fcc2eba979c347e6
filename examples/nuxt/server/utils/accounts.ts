// The device's accounts, the current session and the active account's notes, read on the
// server with this request's cookies: the page renders from them, and the browser starts
// from them. Nothing of one request is kept for another.
import type { H3Event } from "h3"
import { readNotes } from "../../../server/src/read-notes"
import type { ServedAccounts } from "../../shared/accounts"
import { getAuth } from "./auth"

/**
 * What the page of this request is rendered from; marks the page as not to be stored.
 *
 * @example
 * event.context.loadAccounts = () => loadAccounts(event)
 */
export async function loadAccounts(event: H3Event): Promise<ServedAccounts> {
  const auth = await getAuth()
  const { headers } = event
  const [list, session] = await Promise.all([
    auth.api.listDeviceSessions({ headers }),
    auth.api.getSession({ headers }),
  ])
  // The page names this device's accounts: never kept by a shared cache.
  setResponseHeader(event, "cache-control", "private, no-store")
  return {
    payload: { list, session },
    notes: session ? await readNotes(auth, session.user) : null,
  }
}
