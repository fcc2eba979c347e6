// A server component: the device's accounts, the current session and the active account's
// notes, read with this request's cookies. The switcher (a client component) renders from them
// on the server, and the browser's stores start from them. `headers()` makes the page dynamic:
// rendered for each request and sent with `Cache-Control: private, no-cache, no-store`.
import type { DeviceSessionsPayload } from "@multisession/react"
import { headers } from "next/headers"
import { readNotes } from "../../server/src/read-notes"
import { getAuth } from "../lib/auth"
import { Switcher } from "./switcher"

export default async function Page() {
  // First: `next build` tries to prerender the page, and stops here, before the database.
  const requestHeaders = await headers()
  const auth = await getAuth()
  const [list, session] = await Promise.all([
    auth.api.listDeviceSessions({ headers: requestHeaders }),
    auth.api.getSession({ headers: requestHeaders }),
  ])
  const payload: DeviceSessionsPayload = { list, session }
  return <Switcher payload={payload} notes={session ? await readNotes(auth, session.user) : null} />
}
