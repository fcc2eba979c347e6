import { beforeEach, expect, test } from "vitest"
import {
  countingFetch,
  makeClient,
  serverTruth,
  settleSignals,
  signOutAll,
  signUp,
  useServerOrigin,
  waitFor,
} from "../../../test/browser"
import type { DeviceSessionsState } from "../src"

beforeEach(async () => {
  useServerOrigin()
  await signOutAll()
})

const settled = (s: DeviceSessionsState) => !s.isPending && !s.isRefetching
const LIST = "/multi-session/list-device-sessions"
const names = (s: DeviceSessionsState) => s.data?.map((entry) => entry.user.name)
const activeName = (s: DeviceSessionsState) => s.data?.find((entry) => entry.isActive)?.user.name

async function threeAccounts() {
  const requests = countingFetch()
  const client = makeClient({ maximumSessions: 3 }, requests.fetch)
  const ada = await signUp(client, "Ada")
  const bob = await signUp(client, "Bob")
  const cy = await signUp(client, "Cy")
  const stop = client.useDeviceSessions.listen(() => {})
  const state = await waitFor(client.useDeviceSessions, (s) => settled(s) && s.data?.length === 3)
  return { client, requests, ada, bob, cy, state, stop }
}

test("lists three signed-in accounts with the last one active", async () => {
  const { state, cy, stop } = await threeAccounts()
  expect(names(state)).toEqual(expect.arrayContaining(["Ada", "Bob", "Cy"]))
  expect(state.data?.filter((entry) => entry.isActive).map((e) => e.user.id)).toEqual([cy.id])
  expect(state.active?.user.name).toBe("Cy")
  expect(state.error).toBeNull()
  stop()
})

test("switches the active account, in the list and in the session", async () => {
  const { client, ada, requests, stop } = await threeAccounts()
  requests.reset()
  const result = await client.multiSession.setActive({ userId: ada.id })
  expect(result.error).toBeNull()
  const state = client.useDeviceSessions.get()
  expect(activeName(state)).toBe("Ada")
  expect(client.useSession.get().data?.user.id).toBe(ada.id)
  expect((await serverTruth()).activeUserId).toBe(ada.id)
  // set-active, then the session alone: a switch changes who is active, never the list
  expect(requests.calls).toEqual(["/multi-session/set-active", "/get-session"])
  expect(state.data?.map((e) => e.user.id).sort()).toEqual((await serverTruth()).userIds.sort())
  stop()
})

test("revokes a non-active account in one request and keeps the active one", async () => {
  const { client, bob, requests, stop } = await threeAccounts()
  requests.reset()
  const result = await client.multiSession.revoke({ userId: bob.id })
  expect(result.error).toBeNull()
  const state = client.useDeviceSessions.get()
  expect(names(state)?.sort()).toEqual(["Ada", "Cy"])
  expect(activeName(state)).toBe("Cy")
  // The server's answer and the list known are the new list: nothing else is asked.
  await settleSignals()
  expect(requests.calls).toEqual(["/multi-session/revoke"])
  expect((await serverTruth()).userIds.sort()).toEqual(state.data?.map((e) => e.user.id).sort())
  stop()
})

test("follows the server's promotion when the active account is revoked, in two requests", async () => {
  const { client, cy, requests, stop } = await threeAccounts()
  requests.reset()
  await client.multiSession.revoke({ userId: cy.id })
  // revoke, then the session alone: the list is the one known without Cy
  expect(requests.calls).toEqual(["/multi-session/revoke", "/get-session"])
  const state = client.useDeviceSessions.get()
  const truth = await serverTruth()
  expect(names(state)?.sort()).toEqual(["Ada", "Bob"])
  expect(truth.activeUserId).not.toBeNull()
  expect(state.active?.user.id).toBe(truth.activeUserId)
  expect(client.useSession.get().data?.user.id).toBe(truth.activeUserId)
  stop()
})

test("signs out when the last account is revoked", async () => {
  const client = makeClient()
  const ada = await signUp(client, "Ada")
  const stop = client.useDeviceSessions.listen(() => {})
  await waitFor(client.useDeviceSessions, (s) => settled(s) && s.data?.length === 1)
  await client.multiSession.revoke({ userId: ada.id })
  const state = client.useDeviceSessions.get()
  expect(state.data).toEqual([])
  expect(state.active).toBeNull()
  expect(client.useSession.get().data).toBeNull()
  stop()
})

test("empties the list after sign-out of all accounts", async () => {
  const { client, stop } = await threeAccounts()
  await client.signOut()
  const state = await waitFor(client.useDeviceSessions, (s) => settled(s) && s.data?.length === 0)
  expect(state.active).toBeNull()
  expect(await serverTruth()).toEqual({ activeUserId: null, userIds: [] })
  stop()
})

test("says so when a sign-in past maximumSessions is left off the list", async () => {
  const { client, stop } = await threeAccounts()
  const dee = await signUp(client, "Dee")
  const state = await waitFor(
    client.useDeviceSessions,
    (s) => settled(s) && s.active?.user.name === "Dee",
  )
  const truth = await serverTruth()
  expect(truth.activeUserId).toBe(dee.id)
  expect(truth.userIds).not.toContain(dee.id)
  expect(names(state)?.sort()).toEqual(["Ada", "Bob", "Cy"])
  expect(state.data?.some((entry) => entry.isActive)).toBe(false)
  expect(state.activeNotListed).toBe(true)
  expect(state.isAtCapacity).toBe(true)
  stop()
})

test("sends one list request however many subscribe", async () => {
  const requests = countingFetch()
  const client = makeClient({}, requests.fetch)
  await signUp(client, "Ada")
  requests.reset()
  const stops = Array.from({ length: 10 }, () => client.useDeviceSessions.subscribe(() => {}))
  await waitFor(client.useDeviceSessions, (s) => settled(s) && s.data?.length === 1)
  expect(requests.count("/multi-session/list-device-sessions")).toBe(1)
  expect(requests.count("/get-session")).toBe(1)
  for (const stop of stops) stop()
})

test("ends on the last target when switching rapidly", async () => {
  const { client, ada, bob, cy, stop } = await threeAccounts()
  const results = await Promise.all([
    client.multiSession.setActive({ userId: ada.id }),
    client.multiSession.setActive({ userId: bob.id }),
    client.multiSession.setActive({ userId: cy.id }),
    client.multiSession.setActive({ userId: ada.id }),
  ])
  expect(results.map((r) => r.error)).toEqual([null, null, null, null])
  const state = client.useDeviceSessions.get()
  expect(activeName(state)).toBe("Ada")
  expect(client.useSession.get().data?.user.id).toBe(ada.id)
  expect((await serverTruth()).activeUserId).toBe(ada.id)
  stop()
})

test("keeps the data identical when a refetch finds nothing new", async () => {
  const { client, requests, state, stop } = await threeAccounts()
  const seen: DeviceSessionsState[] = []
  const stopCounting = client.useDeviceSessions.listen((value) => seen.push(value))
  requests.reset()
  await client.useDeviceSessions.get().refetch()
  // one list and one session request were answered, and nothing in them was new
  expect(requests.calls.sort()).toEqual(["/get-session", LIST])
  const after = client.useDeviceSessions.get()
  expect(after.data).toBe(state.data)
  expect(after.data?.every((entry, i) => entry === state.data?.[i])).toBe(true)
  expect(after.active).toBe(state.active)
  // subscribers heard isRefetching go on and off, and nothing else
  expect(seen.map((value) => value.isRefetching)).toEqual([true, false])
  expect(seen.every((value) => value.data === state.data)).toBe(true)
  stopCounting()
  stop()
})
