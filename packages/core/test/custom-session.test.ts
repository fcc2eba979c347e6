// A server with better-auth's customSession() (and a session field kept from the client):
// get-session answers differently from set-active there. The store and better-auth's session
// must hold what get-session says after every call, so the client asks it, never guesses it.
import { beforeEach, expect, inject, test } from "vitest"
import {
  countingFetch,
  makeClient,
  serverTruth,
  signOutAll,
  signUp,
  useServerOrigin,
  waitFor,
} from "../../../test/browser"
import type { DeviceSessionsState } from "../src"

const url = inject("customAuthURL")
beforeEach(async () => {
  useServerOrigin(url)
  await signOutAll()
})

const settled = (s: DeviceSessionsState) => !s.isPending && !s.isRefetching
type Custom = { roles?: string[]; session: { secret?: string }; user: { id: string } }

test("after a switch and a removal the session is get-session's own answer, customSession fields and all", async () => {
  const requests = countingFetch()
  const client = makeClient({ maximumSessions: 3 }, requests.fetch, url)
  const ada = await signUp(client, "Ada")
  const bob = await signUp(client, "Bob")
  const cy = await signUp(client, "Cy")
  const stop = client.useDeviceSessions.listen(() => {})
  await waitFor(client.useDeviceSessions, (s) => settled(s) && s.data?.length === 3)
  const session = () => client.useSession.get().data as unknown as Custom | null

  requests.reset()
  expect((await client.multiSession.setActive({ userId: ada.id })).error).toBeNull()
  await waitFor(client.useDeviceSessions, (s) => settled(s) && s.active?.user.id === ada.id)
  expect(requests.calls).toEqual(["/multi-session/set-active", "/get-session"])
  // customSession's field is there, and the field the server keeps back is not.
  expect(session()?.user.id).toBe(ada.id)
  expect(session()?.roles).toEqual(["reader"])
  expect(session()?.session.secret).toBeUndefined()

  // The active account removed: the server promotes another; the session is asked again.
  requests.reset()
  expect((await client.multiSession.revoke({ userId: ada.id })).error).toBeNull()
  const after = await waitFor(
    client.useDeviceSessions,
    (s) => settled(s) && s.data?.length === 2 && !!s.active,
  )
  expect(requests.calls).toEqual(["/multi-session/revoke", "/get-session"])
  const truth = await serverTruth()
  expect(after.active?.user.id).toBe(truth.activeUserId)
  expect([bob.id, cy.id]).toContain(truth.activeUserId)
  expect(session()?.roles).toEqual(["reader"])
  expect(session()?.session.secret).toBeUndefined()
  stop()
})
