import { createAuthClient } from "better-auth/client"
import { beforeEach, expect, test } from "vitest"
import {
  countingFetch,
  makeClient,
  signOutAll,
  signUp,
  useServerOrigin,
  waitFor,
} from "../../../test/browser"
import {
  autoSwitch,
  type DeviceSessionsState,
  deviceSessionsSnapshot,
  getDeviceSessions,
  hydrateDeviceSessions,
  multiSessionClient,
} from "../src"

let url = ""
beforeEach(async () => {
  url = useServerOrigin()
  await signOutAll()
  localStorage.clear()
  sessionStorage.clear()
})

const settled = (s: DeviceSessionsState) => !s.isPending && !s.isRefetching

test("leaves no token in storage, script-readable cookies, cross-tab messages or errors", async () => {
  const messages: unknown[] = []
  const spy = new BroadcastChannel(`multisession:${url}`)
  spy.onmessage = (event) => messages.push(event.data)
  const client = makeClient({ maximumSessions: 3, autoSwitch: autoSwitch("most-recent") })
  const ada = await signUp(client, "Ada")
  const bob = await signUp(client, "Bob")
  await signUp(client, "Cy")
  const stop = client.useDeviceSessions.listen(() => {})
  const state = await waitFor(client.useDeviceSessions, (s) => settled(s) && s.data?.length === 3)
  const tokens = state.data?.map((e) => e.session.token) ?? []
  expect(tokens).toHaveLength(3)
  const errors: string[] = []
  for (const target of [{ userId: ada.id }, { userId: bob.id }]) {
    await client.multiSession.setActive(target)
  }
  const refused = await client.multiSession.revoke({ sessionToken: "tokenNoDeviceEverHeld" })
  errors.push(JSON.stringify(refused.error))
  errors.push(JSON.stringify((await client.multiSession.setActive({ sessionToken: "" })).error))
  await client.multiSession.revoke({ userId: ada.id })
  const revokedAgain = await client.multiSession.revoke({ sessionToken: tokens[0] as string })
  errors.push(JSON.stringify(revokedAgain.error))
  await new Promise((resolve) => setTimeout(resolve, 50))
  spy.close()

  const places = {
    localStorage: JSON.stringify({ ...localStorage }),
    sessionStorage: JSON.stringify({ ...sessionStorage }),
    // the session cookies hold tokens by design, httpOnly: what a script can read must not
    "script-readable cookies": document.cookie,
    messages: JSON.stringify(messages),
    errors: errors.join(" "),
  }
  for (const token of tokens) {
    for (const [place, text] of Object.entries(places)) {
      expect({ place, leaked: text.includes(token) }).toEqual({ place, leaked: false })
    }
  }
  expect(messages.length).toBeGreaterThan(0)
  stop()
})

test("forgets an account's user data once it is signed out of", async () => {
  const client = makeClient({ maximumSessions: 3, autoSwitch: autoSwitch("most-recent") })
  const ada = await signUp(client, "Ada")
  await signUp(client, "Bob")
  const stop = client.useDeviceSessions.listen(() => {})
  await waitFor(client.useDeviceSessions, (s) => settled(s) && s.data?.length === 2)
  await client.multiSession.setActive({ userId: ada.id })
  await client.multiSession.revoke({ userId: ada.id })
  const state = await waitFor(client.useDeviceSessions, settled)
  expect(JSON.stringify(state)).not.toContain(ada.email)
  expect(JSON.stringify(client.useSession.get().data)).not.toContain(ada.email)
  expect(localStorage.getItem("multisession.recent") ?? "").not.toContain(ada.id)
  await client.signOut()
  const out = await waitFor(client.useDeviceSessions, (s) => settled(s) && s.data?.length === 0)
  expect(out.active).toBeNull()
  expect(client.useSession.get().data).toBeNull()
  stop()
})

test("rejects bad options and payloads with a clear TypeError", () => {
  for (const maximumSessions of [0, -1, 1.5, Number.NaN]) {
    expect(() => createAuthClient({ plugins: [multiSessionClient({ maximumSessions })] })).toThrow(
      /maximumSessions/,
    )
  }
  const client = makeClient()
  for (const payload of [null, undefined, 42, "list", { list: "nope", session: null }]) {
    expect(() => hydrateDeviceSessions(client, payload as never)).toThrow(TypeError)
    expect(() => deviceSessionsSnapshot(client, payload as never)).toThrow(TypeError)
  }
  expect(getDeviceSessions(client).$deviceSessions.get().data).toBeNull()
  for (const notAClient of [null, undefined, {}, { $store: {} }, "client"]) {
    expect(() => getDeviceSessions(notAClient as never)).toThrow(/multiSessionClient\(\)/)
  }
})

test("answers very long and odd strings without a request", async () => {
  const requests = countingFetch()
  const client = makeClient({ maximumSessions: 3 }, requests.fetch)
  await signUp(client, "Ada")
  requests.reset()
  for (const input of [
    "a".repeat(100_000),
    "token with spaces",
    "tok;en",
    "\u0000\u0001",
    "é".repeat(20),
  ]) {
    for (const call of [client.multiSession.setActive, client.multiSession.revoke]) {
      const result = await call({ sessionToken: input })
      expect(result.error?.code).toBe("SESSION_TOKEN_MALFORMED")
      expect(result.error?.message.length).toBeLessThan(200)
    }
  }
  expect(requests.calls).toEqual([])
})
