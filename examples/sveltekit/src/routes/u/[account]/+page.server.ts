// One account of the device per URL, rendered on the server: /u/<userId>, as Google's /u/1/.
// A page load is a request the browser makes without the per-tab header, so the account is in
// the URL, and the load names it with withAccount(): the server answers as that account only if
// this device holds it (its own signed cookie), never as another. The device's active account
// stays what it was; two tabs on two URLs show two accounts at once.
import { withAccount } from "@multisession/server"
import { getAuth } from "$lib/server/auth"
import { readNotes } from "../../../../../server/src/read-notes"
import type { PageServerLoad } from "./$types"

// (The layout's load already marks the page private, no-store.)
export const load: PageServerLoad = async ({ params, request }) => {
  const auth = await getAuth()
  const [session, list] = await Promise.all([
    auth.api.getSession({ headers: withAccount(request.headers, params.account) }),
    auth.api.listDeviceSessions({ headers: request.headers }),
  ])
  return {
    user: session && { id: session.user.id, name: session.user.name, email: session.user.email },
    accounts: list.map(({ user }) => ({ id: user.id, name: user.name })),
    notes: session ? await readNotes(auth, session.user) : null,
  }
}
