import { beforeEach, expect, test, vi } from "vitest"
import {
  countingFetch,
  makeClient,
  returnToTab,
  serverTruth,
  signOutAll,
  signUp,
  useServerOrigin,
  waitFor,
} from "../../../test/browser"
import {
  type AutoSwitchChange,
  accountState,
  autoSwitch,
  type DeviceSessionsState,
  deviceSessionsSnapshot,
  getDeviceSessions,
  hydrateDeviceSessions,
} from "../src"

beforeEach(async () => {
  useServerOrigin()
  await signOutAll()
  localStorage.clear()
})

const settled = (s: DeviceSessionsState) => !s.isPending && !s.isRefetching

const revokeBehindTheBack = (email: string) =>
  fetch(`/test/revoke-user?email=${encodeURIComponent(email)}`, { method: "POST" })

// Signs the accounts in (the last one active), then another device revokes the active one and
// this tab regains focus. Resolves once the store satisfies `ready`.
async function activeVanishes(
  order: "most-recent" | "first" | false,
  names: string[],
  ready: (s: DeviceSessionsState) => boolean,
) {
  const seen: AutoSwitchChange[] = []
  const client = makeClient({
    maximumSessions: 3,
    ...(order ? { autoSwitch: autoSwitch(order, (change) => seen.push(change)) } : {}),
  })
  const users = []
  for (const name of names) users.push(await signUp(client, name))
  const stop = client.useDeviceSessions.listen(() => {})
  await waitFor(client.useDeviceSessions, (s) => settled(s) && s.data?.length === names.length)
  await revokeBehindTheBack(users.at(-1)?.email ?? "")
  returnToTab()
  const state = await waitFor(client.useDeviceSessions, (s) => settled(s) && ready(s))
  stop()
  return { client, state, seen }
}

test("switches to the most recently used account when the active one vanishes", async () => {
  const seen: AutoSwitchChange[] = []
  const client = makeClient({
    maximumSessions: 3,
    autoSwitch: autoSwitch("most-recent", (change) => seen.push(change)),
  })
  const ada = await signUp(client, "Ada")
  const bob = await signUp(client, "Bob")
  const cy = await signUp(client, "Cy")
  const stop = client.useDeviceSessions.listen(() => {})
  await waitFor(client.useDeviceSessions, (s) => settled(s) && s.data?.length === 3)
  // Use Bob, then Cy: Bob is the most recent one after Cy, and not the first the server lists
  // (Ada is), so "first" would pick someone else.
  await client.multiSession.setActive({ userId: bob.id })
  await client.multiSession.setActive({ userId: cy.id })
  expect(client.useDeviceSessions.get().data?.[0]?.user.id).toBe(ada.id)
  await revokeBehindTheBack(cy.email)
  returnToTab()
  const state = await waitFor(
    client.useDeviceSessions,
    (s) => settled(s) && s.active?.user.id === bob.id,
  )
  expect(state.active?.user.id).toBe(bob.id)
  await vi.waitFor(() => expect(seen).toEqual([{ from: cy.id, to: bob.id }]))
  expect(state.data?.map((e) => e.user.id).sort()).toEqual([ada.id, bob.id].sort())
  expect((await serverTruth()).activeUserId).toBe(bob.id)
  expect(client.useSession.get().data?.user.id).toBe(bob.id)
  // The order kept on the device is user ids only, and only of accounts still here: Bob, who
  // is active now (Cy left the device; Ada was never used).
  expect(JSON.parse(localStorage.getItem("multisession.recent") ?? "[]")).toEqual([bob.id])
  stop()
})

test("switches to the first listed account with autoSwitch: first", async () => {
  const { state, seen } = await activeVanishes(
    "first",
    ["Ada", "Bob"],
    (s) => s.active?.user.name === "Ada",
  )
  expect(state.active?.user.name).toBe("Ada")
  // onAutoSwitch is told once the switch has settled
  await vi.waitFor(() => expect(seen).toHaveLength(1))
  expect(seen[0]?.to).toBe(state.active?.user.id)
  expect((await serverTruth()).activeUserId).toBe(state.active?.user.id)
})

test("signs out cleanly when no account is left to switch to", async () => {
  const { client, state, seen } = await activeVanishes(
    "most-recent",
    ["Ada"],
    (s) => s.data?.length === 0 && s.active === null,
  )
  expect(seen).toEqual([])
  expect(state.error).toBeNull()
  expect(client.useSession.get().data).toBeNull()
})

test("stays signed out without autoSwitch", async () => {
  const { client, state } = await activeVanishes(
    false,
    ["Ada", "Bob"],
    (s) => s.data?.length === 1 && s.active === null,
  )
  expect(state.data?.[0]?.isActive).toBe(false)
  expect((await serverTruth()).activeUserId).toBeNull()
  // The server's revoke needs an active session: removing the one left says so, and keeps it.
  const left = state.data?.[0]
  if (!left) throw new Error("no account left")
  const result = await client.multiSession.revoke(left)
  expect(result.error).toMatchObject({ code: "UNAUTHORIZED", status: 401, userId: left.user.id })
  expect((await serverTruth()).userIds).toEqual([left.user.id])
})

// What a server loader returns for a device with Ada and Bob (Bob active): the same
// auth.api.listDeviceSessions and auth.api.getSession answers, read here over HTTP.
async function serverPayload() {
  const seed = makeClient()
  const ada = await signUp(seed, "Ada")
  await signUp(seed, "Bob")
  const list = (await seed.multiSession.listDeviceSessions()).data ?? []
  const session = seed.useSession.get().data ?? (await seed.getSession()).data
  return { ada, payload: { list, session } }
}

// Resolves once better-auth's session store has run a check and settled: the mount's check.
function sessionChecked(client: ReturnType<typeof makeClient>) {
  return new Promise<void>((resolve) => {
    let checking = false
    const stop = client.useSession.listen((s) => {
      checking ||= s.isRefetching
      if (checking && !s.isRefetching) {
        stop()
        resolve()
      }
    })
  })
}

test("hydrates from a server-loaded payload: the load sends no request at all", async () => {
  const { ada, payload } = await serverPayload()
  const requests = countingFetch()
  const client = makeClient({ maximumSessions: 3 }, requests.fetch)
  const { $deviceSessions } = getDeviceSessions(client)
  hydrateDeviceSessions(client, payload)
  const hydrated = $deviceSessions.get()
  expect(hydrated).toEqual(deviceSessionsSnapshot(client, payload))
  expect(hydrated.isPending).toBe(false)
  expect(hydrated.data?.map((e) => e.user.name).sort()).toEqual(["Ada", "Bob"])
  expect(hydrated.active?.user.name).toBe("Bob")
  const checked = sessionChecked(client)
  const stop = $deviceSessions.listen(() => {})
  // better-auth's check of the hydrated session on mount is answered from the payload.
  await checked
  expect(requests.calls).toEqual([])
  await client.getSession() // a request of our own as a fence: it goes to the server
  expect(requests.calls).toEqual(["/get-session"])
  expect($deviceSessions.get().data).toBe(hydrated.data)
  expect(client.useSession.get().data?.user.id).toBe(payload.session?.user.id)
  // After hydration the store is live as ever.
  await client.multiSession.setActive({ userId: ada.id })
  expect($deviceSessions.get().active?.user.id).toBe(ada.id)
  expect(requests.calls).toEqual(["/get-session", "/multi-session/set-active", "/get-session"])
  stop()
})

test("a session check later than a second after hydration goes to the server", async () => {
  const { payload } = await serverPayload()
  const requests = countingFetch()
  const client = makeClient({ maximumSessions: 3 }, requests.fetch)
  vi.useFakeTimers({ toFake: ["Date"], now: Date.now() })
  try {
    hydrateDeviceSessions(client, payload)
    vi.setSystemTime(Date.now() + 1_001)
    const checked = sessionChecked(client)
    const stop = client.useDeviceSessions.listen(() => {})
    await checked
    expect(requests.calls).toEqual(["/get-session"])
    stop()
  } finally {
    vi.useRealTimers()
  }
})

test("a store that already holds a list refuses a payload, and answers nothing from it", async () => {
  const { payload } = await serverPayload()
  const requests = countingFetch()
  const client = makeClient({ maximumSessions: 3 }, requests.fetch)
  const stop = client.useDeviceSessions.listen(() => {})
  const live = await waitFor(client.useDeviceSessions, (s) => !s.isPending && !!s.data)
  requests.reset()
  hydrateDeviceSessions(client, { list: [], session: null })
  expect(client.useDeviceSessions.get()).toBe(live)
  await client.getSession()
  expect(requests.calls).toEqual(["/get-session"])
  expect(live.data?.length).toBe(payload.list.length)
  stop()
})

test("accountState read first while a hydrated store checks its session keys by the hydrated account", async () => {
  const { payload } = await serverPayload()
  const client = makeClient()
  hydrateDeviceSessions(client, payload)
  const stop = client.useDeviceSessions.listen(() => {})
  // The mount's session check is under way: the account is not settled yet, but on screen.
  await waitFor(client.useSession, (s) => s.isRefetching)
  expect(accountState(client).get()).toEqual({ key: payload.session?.user.id, pending: false })
  await waitFor(
    client.useDeviceSessions,
    (s) => !s.isRefetching && !client.useSession.get().isRefetching,
  )
  expect(accountState(client).get()).toEqual({ key: payload.session?.user.id, pending: false })
  stop()
})

test("hydrates an empty list as signed out", () => {
  const client = makeClient()
  const payload = { list: [], session: null }
  hydrateDeviceSessions(client, payload)
  const state = getDeviceSessions(client).$deviceSessions.get()
  expect(state.data).toEqual([])
  expect(state.active).toBeNull()
  expect(state.isPending).toBe(false)
})

test("carries the additional user fields the server declares", async () => {
  const client = makeClient()
  await signUp(client, "Ada")
  const stop = client.useDeviceSessions.listen(() => {})
  const state = await waitFor(client.useDeviceSessions, (s) => settled(s) && s.data?.length === 1)
  expect((state.data?.[0]?.user as { plan?: string } | undefined)?.plan).toBe("free")
  stop()
})

test("autoSwitch leaves the server's promotion alone while this tab removes the active account", async () => {
  const requests = countingFetch()
  const client = makeClient({ maximumSessions: 3, autoSwitch: autoSwitch("first") }, requests.fetch)
  await signUp(client, "Ada")
  await signUp(client, "Bob")
  const cy = await signUp(client, "Cy")
  const stop = client.useDeviceSessions.listen(() => {})
  await waitFor(client.useDeviceSessions, (s) => settled(s) && s.data?.length === 3)
  requests.reset()
  // the removal hides Cy at once, before the server has promoted anyone: no switch of its own
  expect((await client.multiSession.revoke({ userId: cy.id })).error).toBeNull()
  expect(requests.count("/multi-session/set-active")).toBe(0)
  expect(client.useDeviceSessions.get().active?.user.id).toBe((await serverTruth()).activeUserId)
  stop()
})
