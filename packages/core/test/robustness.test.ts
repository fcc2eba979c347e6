import { beforeEach, expect, test } from "vitest"
import {
  comeBackOnline,
  countingFetch,
  makeClient,
  returnToTab,
  serverTruth,
  settleSignals,
  signOutAll,
  signUp,
  useServerOrigin,
  waitFor,
} from "../../../test/browser"
import { faultyFetch } from "../../../test/faults"
import {
  type DeviceSessionsState,
  getDeviceSessions,
  MULTI_SESSION_CLIENT_ERROR_CODES,
} from "../src"

beforeEach(async () => {
  useServerOrigin()
  await signOutAll()
})

const settled = (s: DeviceSessionsState) => !s.isPending && !s.isRefetching

// One account signed in and the list shown and settled, with its requests counted.
async function oneAccount() {
  const requests = countingFetch()
  const client = makeClient({ maximumSessions: 3 }, requests.fetch)
  await signUp(client, "Ada")
  const stop = client.useDeviceSessions.listen(() => {})
  await waitFor(client.useDeviceSessions, (s) => settled(s) && s.data?.length === 1)
  return { client, requests, stop }
}

async function twoAccounts(fetchImpl?: typeof fetch) {
  const client = makeClient({ maximumSessions: 3 }, fetchImpl)
  const ada = await signUp(client, "Ada")
  const bob = await signUp(client, "Bob")
  const stop = client.useDeviceSessions.listen(() => {})
  const state = await waitFor(client.useDeviceSessions, (s) => settled(s) && s.data?.length === 2)
  return { client, ada, bob, stop, state }
}

test("rejects a missing, empty or non-string token without a request", async () => {
  const requests = countingFetch()
  const { client, state, stop } = await twoAccounts(requests.fetch)
  requests.reset()
  // A bare string is refused too: it could be a user id or a token.
  const bad: unknown[] = [undefined, null, "", "   ", 42, {}, { sessionToken: "" }, { userId: 7 }]
  for (const input of [...bad, state.data?.[0]?.user.id]) {
    const result = await client.multiSession.setActive(input as never)
    expect(result.error?.code).toBe(MULTI_SESSION_CLIENT_ERROR_CODES.SESSION_TOKEN_REQUIRED)
    expect(result.error?.action).toBe("set-active")
    const revoked = await client.multiSession.revoke(input as never)
    expect(revoked.error?.code).toBe("SESSION_TOKEN_REQUIRED")
    expect(revoked.error?.action).toBe("revoke")
  }
  const long = await client.multiSession.setActive({ sessionToken: "x".repeat(10_000) })
  expect(long.error?.code).toBe("SESSION_TOKEN_MALFORMED")
  const stranger = await client.multiSession.revoke({ userId: "no-such-user" })
  expect(stranger.error).toMatchObject({
    code: "DEVICE_SESSION_NOT_FOUND",
    action: "revoke",
    userId: "no-such-user",
  })
  expect(requests.calls).toEqual([])
  const after = client.useDeviceSessions.get()
  expect(after.data).toBe(state.data)
  expect(after.error?.code).toBe("DEVICE_SESSION_NOT_FOUND")
  stop()
})

test("answers a token this device does not hold with the server's INVALID_SESSION_TOKEN", async () => {
  const { client, state, stop } = await twoAccounts()
  const result = await client.multiSession.setActive({ sessionToken: "notATokenOfThisDevice123" })
  expect(result.error?.code).toBe("INVALID_SESSION_TOKEN")
  expect(result.error?.status).toBe(401)
  const after = await waitFor(client.useDeviceSessions, settled)
  expect(after.data?.map((e) => e.user.id)).toEqual(state.data?.map((e) => e.user.id))
  expect(after.active?.user.name).toBe("Bob")
  expect(after.error?.code).toBe("INVALID_SESSION_TOKEN")
  stop()
})

test("answers an entry already removed with DEVICE_SESSION_NOT_FOUND, its old token with INVALID_SESSION_TOKEN, and touches no other account", async () => {
  const requests = countingFetch()
  const { client, ada, stop } = await twoAccounts(requests.fetch)
  const entry = client.useDeviceSessions.get().data?.find((e) => e.user.id === ada.id)
  if (!entry) throw new Error("Ada is not listed")
  expect((await client.multiSession.revoke(entry)).error).toBeNull()
  requests.reset()
  const again = await client.multiSession.revoke(entry)
  expect(again.error).toMatchObject({ code: "DEVICE_SESSION_NOT_FOUND", userId: ada.id })
  expect(requests.calls).toEqual([])
  const byToken = await client.multiSession.revoke({ sessionToken: entry.session.token })
  expect(byToken.error).toMatchObject({ code: "INVALID_SESSION_TOKEN", status: 401 })
  const state = await waitFor(client.useDeviceSessions, settled)
  expect(state.data?.map((e) => e.user.name)).toEqual(["Bob"])
  expect(state.active?.user.name).toBe("Bob")
  expect((await serverTruth()).activeUserId).toBe(state.active?.user.id)
  stop()
})

test("marks the target of a switch at once, before the server answers", async () => {
  const requests = countingFetch()
  const { client, ada, stop } = await twoAccounts(requests.fetch)
  requests.reset()
  const pending = client.multiSession.setActive({ userId: ada.id })
  const during = client.useDeviceSessions.get()
  expect(requests.calls).toEqual([])
  expect(during.active?.user.id).toBe(ada.id)
  expect(during.switching).toBe(ada.id)
  expect(during.data?.find((entry) => entry.isActive)?.user.id).toBe(ada.id)
  expect((await pending).error).toBeNull()
  expect(client.useDeviceSessions.get().switching).toBeNull()
  stop()
})

test("leaves the list as it was when the server refuses a token it never gave this device", async () => {
  const { client, state, stop } = await twoAccounts()
  const refused = await client.multiSession.revoke({ sessionToken: "tokenThatThisDeviceNeverHeld" })
  expect(refused.error?.code).toBe("INVALID_SESSION_TOKEN")
  const after = client.useDeviceSessions.get()
  expect(after.data).toBe(state.data)
  expect(after.active).toBe(state.active)
  expect(after.revoking).toEqual([])
  stop()
})

test("marks no account for a switch to one the list does not hold", async () => {
  const { client, state, stop } = await twoAccounts()
  const pending = client.multiSession.setActive({ userId: "not-on-this-device" })
  const during = client.useDeviceSessions.get()
  expect(during.switching).toBeNull()
  expect(during.active).toBe(state.active)
  expect(during.data).toBe(state.data)
  expect((await pending).error).toMatchObject({
    code: "DEVICE_SESSION_NOT_FOUND",
    userId: "not-on-this-device",
  })
  stop()
})

test("answers a call whose list could not be loaded with the list's own error", async () => {
  const faults = faultyFetch()
  const seed = makeClient()
  const ada = await signUp(seed, "Ada")
  const client = makeClient({ maximumSessions: 3 }, faults.fetch)
  faults.fail("/multi-session/list-device-sessions", "network-error")
  const result = await client.multiSession.setActive({ userId: ada.id })
  expect(result.error).toMatchObject({
    code: "NETWORK_ERROR",
    action: "set-active",
    userId: ada.id,
  })
  expect(faults.log).toEqual(["/multi-session/list-device-sessions"])
})

test("drops a revoked entry at once, before the server answers", async () => {
  const { client, ada, stop } = await twoAccounts()
  const pending = client.multiSession.revoke({ userId: ada.id })
  const during = client.useDeviceSessions.get()
  expect(during.data?.map((e) => e.user.name)).toEqual(["Bob"])
  expect(during.revoking).toEqual([ada.id])
  await pending
  expect(client.useDeviceSessions.get().revoking).toEqual([])
  stop()
})

test("a second window of the same origin follows a switch made in the first", async () => {
  const first = await twoAccounts()
  const popup = window.open(location.href) as unknown as Window
  const secondTab = makeClient({ maximumSessions: 3 }, popup.fetch.bind(popup))
  const stop = secondTab.useDeviceSessions.listen(() => {})
  await waitFor(secondTab.useDeviceSessions, (s) => s.active?.user.name === "Bob" && settled(s))
  await first.client.multiSession.setActive({ userId: first.ada.id })
  const followed = await waitFor(
    secondTab.useDeviceSessions,
    (s) => s.active?.user.name === "Ada" && settled(s),
  )
  expect(followed.data?.find((e) => e.isActive)?.user.id).toBe(first.ada.id)
  expect(secondTab.useSession.get().data?.user.id).toBe(first.ada.id)
  stop()
  first.stop()
  popup.close()
})

test("refetches when the user returns to the tab", async () => {
  const { client, requests, stop } = await oneAccount()
  // Another device signs Ada out behind this tab's back; the tab learns it on its return.
  const email = client.useSession.get().data?.user.email ?? ""
  await fetch(`/test/revoke-user?email=${encodeURIComponent(email)}`, { method: "POST" })
  requests.reset()
  returnToTab()
  const afterFocus = await waitFor(
    client.useDeviceSessions,
    (s) => settled(s) && s.data?.length === 0 && s.active === null,
  )
  expect(afterFocus.data).toEqual([])
  // the session and the list, together, as better-auth refreshes the session on focus
  expect(requests.count("/multi-session/list-device-sessions")).toBe(1)
  expect(requests.count("/get-session")).toBe(1)
  expect(client.useSession.get().data).toBeNull()
  stop()
})

test("refetches when the browser comes back online", async () => {
  const { client, requests, stop } = await oneAccount()
  requests.reset()
  comeBackOnline()
  await waitFor(client.useDeviceSessions, (s) => s.isRefetching)
  await waitFor(client.useDeviceSessions, settled)
  expect(requests.count("/multi-session/list-device-sessions")).toBe(1)
  expect(requests.count("/get-session")).toBe(1)
  stop()
})

test("refetches once for many focus events in a row", async () => {
  const { client, requests, stop } = await oneAccount()
  requests.reset()
  returnToTab()
  for (let i = 0; i < 99; i++) document.dispatchEvent(new Event("visibilitychange"))
  await waitFor(client.useDeviceSessions, settled)
  await settleSignals()
  expect(requests.count("/multi-session/list-device-sessions")).toBe(1)
  expect(requests.count("/get-session")).toBe(1)
  stop()
})

test("fetches no list once the last subscriber has left", async () => {
  const requests = countingFetch()
  const client = makeClient({ maximumSessions: 3 }, requests.fetch)
  await signUp(client, "Ada")
  const { $deviceSessions } = getDeviceSessions(client)
  const stops = Array.from({ length: 3 }, () => $deviceSessions.listen(() => {}))
  await waitFor($deviceSessions, (s) => settled(s) && s.data?.length === 1)
  for (const stop of stops) stop()
  // nanostores keeps a store mounted for a second after its last listener leaves
  await new Promise((resolve) => setTimeout(resolve, 1100))
  expect($deviceSessions.lc).toBe(0)
  expect(client.useSession.lc).toBe(0)
  requests.reset()
  returnToTab()
  comeBackOnline()
  // a change announced by another tab reaches a store nobody shows: nothing is fetched
  await signUp(makeClient(), "Bob")
  // a request of our own as a fence: whatever the events set off was sent before its answer
  // (better-auth's session atom may still refresh itself, in its own second of grace)
  await client.getSession()
  expect(requests.count("/multi-session/list-device-sessions")).toBe(0)
})

test("gives a clear error for a client without the plugin", async () => {
  const { createAuthClient } = await import("better-auth/client")
  expect(() => getDeviceSessions(createAuthClient() as never)).toThrow(/multiSessionClient\(\)/)
})

test("a store nobody shows asks for the list afresh before each call: its last one may be out of date", async () => {
  const requests = countingFetch()
  const client = makeClient({ maximumSessions: 3 }, requests.fetch)
  const ada = await signUp(client, "Ada")
  const bob = await signUp(client, "Bob")
  // plain code, no subscriber: the first call loads the list
  expect((await client.multiSession.setActive({ userId: ada.id })).error).toBeNull()
  // Bob signs in again elsewhere in this browser: the server replaces his session and token
  const elsewhere = makeClient()
  await elsewhere.signIn.email({ email: bob.email, password: "correct-horse-battery" })
  await settleSignals()
  requests.reset()
  const result = await client.multiSession.setActive({ userId: bob.id })
  expect(result.error).toBeNull()
  expect((await serverTruth()).activeUserId).toBe(bob.id)
  expect(requests.count("/multi-session/list-device-sessions")).toBe(1)
  expect(requests.count("/multi-session/set-active")).toBe(1)
})
