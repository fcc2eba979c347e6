// onAccountChange and accountState against the real server: each change heard once, with its
// cause, after better-auth's session holds the new account; nothing for a refresh.
import { beforeEach, expect, test, vi } from "vitest"
import {
  makeClient,
  serverTruth,
  settleSignals,
  signOutAll,
  signUp,
  useServerOrigin,
  waitFor,
} from "../../../test/browser"
import {
  type AccountChange,
  type AccountState,
  accountKey,
  accountState,
  autoSwitch,
  type DeviceSessionsState,
  onAccountChange,
} from "../src"

beforeEach(async () => {
  useServerOrigin()
  await signOutAll()
})

const settled = (s: DeviceSessionsState) => !s.isPending && !s.isRefetching && !s.switching
type Seen = { from: string | null; to: string | null; cause: string }

/** Signs `names` up on one client, the last one active, and records its account changes. */
async function accounts(names: string[], client = makeClient({ maximumSessions: 3 })) {
  const users = []
  for (const name of names) users.push(await signUp(client, name))
  const seen: Seen[] = []
  // What better-auth's session and the server said at the moment each change was heard.
  const heldThen: (string | null)[] = []
  const stop = onAccountChange(client, ({ from, to, cause }: AccountChange) => {
    seen.push({ from: from?.id ?? null, to: to?.id ?? null, cause })
    heldThen.push(client.useSession.get().data?.user.id ?? null)
  })
  await waitFor(client.useDeviceSessions, (s) => settled(s) && s.data?.length === names.length)
  return { client, users, seen, heldThen, stop }
}

test("hears a switch in this tab once, after better-auth's session holds the new account", async () => {
  const { client, users, seen, heldThen, stop } = await accounts(["Ada", "Bob"])
  const [ada, bob] = users
  // the first answer is where the app starts, not a change
  expect(seen).toEqual([])
  const truths: (string | null)[] = []
  const stopAsking = onAccountChange(client, () => {
    // a request made from the listener goes out with the new cookie
    serverTruth().then((truth) => truths.push(truth.activeUserId))
  })
  await client.multiSession.setActive({ userId: ada?.id as string })
  expect(seen).toEqual([{ from: bob?.id, to: ada?.id, cause: "switch" }])
  expect(heldThen).toEqual([ada?.id])
  await vi.waitUntil(() => truths.length === 1)
  expect(truths).toEqual([ada?.id])
  stopAsking()
  stop()
})

test("hears nothing for refreshes, a failed switch or a removal that leaves the account", async () => {
  const { client, users, seen, stop } = await accounts(["Ada", "Bob", "Cy"])
  const [ada] = users
  await client.useDeviceSessions.get().refetch()
  await client.multiSession.setActive({ userId: "nobody" })
  await client.multiSession.revoke({ userId: ada?.id as string })
  await client.updateUser({ name: "Cy Renamed" })
  await settleSignals()
  await waitFor(client.useDeviceSessions, (s) => settled(s) && s.active?.user.name === "Cy Renamed")
  expect(seen).toEqual([])
  stop()
})

test("puts a removal of the active account down to the revoke, and the server's promotion", async () => {
  const { client, users, seen, stop } = await accounts(["Ada", "Bob"])
  const [ada, bob] = users
  await client.multiSession.revoke({ userId: bob?.id as string })
  expect((await serverTruth()).activeUserId).toBe(ada?.id)
  expect(seen).toEqual([{ from: bob?.id, to: ada?.id, cause: "revoke" }])
  stop()
})

test("hears a sign-out and a sign-in made in this tab", async () => {
  const { client, users, seen, stop } = await accounts(["Ada"])
  const [ada] = users
  await client.signOut()
  await settleSignals()
  await waitFor(client.useDeviceSessions, (s) => settled(s) && s.active === null)
  const bob = await signUp(client, "Bob")
  await waitFor(client.useDeviceSessions, (s) => settled(s) && s.active?.user.id === bob.id)
  expect(seen).toEqual([
    { from: ada?.id, to: null, cause: "sign-out" },
    { from: null, to: bob.id, cause: "sign-in" },
  ])
  stop()
})

test("hears a switch and a sign-out made in another tab, there as 'other-tab'", async () => {
  const { client, users, seen, stop } = await accounts(["Ada", "Bob"])
  const [ada, bob] = users
  const otherTab = makeClient({ maximumSessions: 3 })
  const seenThere: Seen[] = []
  const stopThere = onAccountChange(otherTab, ({ from, to, cause }) =>
    seenThere.push({ from: from?.id ?? null, to: to?.id ?? null, cause }),
  )
  await waitFor(otherTab.useDeviceSessions, (s) => settled(s) && s.data?.length === 2)
  await otherTab.multiSession.setActive({ userId: ada?.id as string })
  await waitFor(client.useDeviceSessions, (s) => settled(s) && s.active?.user.id === ada?.id)
  // signed out there: here it is that tab's doing, not a session lost on the server
  await otherTab.signOut()
  await settleSignals()
  await waitFor(client.useDeviceSessions, (s) => settled(s) && s.active === null)
  expect(seenThere).toEqual([
    { from: bob?.id, to: ada?.id, cause: "switch" },
    { from: ada?.id, to: null, cause: "sign-out" },
  ])
  expect(seen).toEqual([
    { from: bob?.id, to: ada?.id, cause: "other-tab" },
    { from: ada?.id, to: null, cause: "other-tab" },
  ])
  stopThere()
  stop()
})

test("hears a session lost on the server, then the recovery autoSwitch makes", async () => {
  const client = makeClient({ maximumSessions: 3, autoSwitch: autoSwitch("first") })
  const { users, seen, stop } = await accounts(["Ada", "Bob"], client)
  const [ada, bob] = users
  await fetch(`/test/revoke-user?email=${encodeURIComponent(bob?.email ?? "")}`, {
    method: "POST",
  })
  await client.useDeviceSessions.get().refetch()
  await waitFor(client.useDeviceSessions, (s) => settled(s) && s.active?.user.id === ada?.id)
  expect(seen).toEqual([
    { from: bob?.id, to: null, cause: "session-lost" },
    { from: null, to: ada?.id, cause: "auto-switch" },
  ])
  stop()
})

test("a listener that throws disturbs neither the store nor the other listeners", async () => {
  const { client, users, seen, stop } = await accounts(["Ada", "Bob"])
  const [ada, bob] = users
  const reported: unknown[] = []
  vi.stubGlobal("reportError", (error: unknown) => reported.push(error))
  const stopThrowing = onAccountChange(client, () => {
    throw new Error("an app listener failed")
  })
  const after: string[] = []
  const stopAfter = onAccountChange(client, ({ to }) => after.push(to?.id ?? ""))
  await client.multiSession.setActive({ userId: ada?.id as string })
  await client.multiSession.setActive({ userId: bob?.id as string })
  expect(seen.map((change) => change.to)).toEqual([ada?.id, bob?.id])
  expect(after).toEqual([ada?.id, bob?.id])
  expect(reported.map(String)).toEqual([
    "Error: an app listener failed",
    "Error: an app listener failed",
  ])
  expect(client.useDeviceSessions.get().switching).toBeNull()
  vi.unstubAllGlobals()
  stopThrowing()
  stopAfter()
  stop()
})

test("accountState is pending until the first answer and during a switch; its key moves once", async () => {
  const client = makeClient({ maximumSessions: 3 })
  const ada = await signUp(client, "Ada")
  const bob = await signUp(client, "Bob")
  const states: AccountState[] = []
  const keys: (string | null)[] = []
  const stopStates = accountState(client).subscribe((state) => states.push(state))
  const stopKeys = accountKey(client).subscribe((key) => keys.push(key))
  await waitFor(client.useDeviceSessions, (s) => settled(s) && s.data?.length === 2)
  await client.multiSession.setActive({ userId: ada.id })
  expect(states).toEqual([
    { key: null, pending: true },
    { key: bob.id, pending: false },
    { key: bob.id, pending: true },
    { key: ada.id, pending: false },
  ])
  expect(keys).toEqual([null, bob.id, ada.id])
  // the same store for the same client, so a binding never subscribes twice
  expect(accountState(client)).toBe(accountState(client))
  stopStates()
  stopKeys()
})

test("the first listener, subscribing while a switch is settling, still hears that switch with its cause", async () => {
  const client = makeClient({ maximumSessions: 3 })
  const ada = await signUp(client, "Ada")
  const bob = await signUp(client, "Bob")
  const late: Seen[] = []
  let stopLate: (() => void) | undefined
  // shown, but nobody listens for account changes yet
  const stopWatching = client.useDeviceSessions.listen((state) => {
    // the server has answered the switch; the list and the session are being asked again
    if (state.isRefetching && state.switching && !stopLate) {
      stopLate = onAccountChange(client, ({ from, to, cause }) =>
        late.push({ from: from?.id ?? null, to: to?.id ?? null, cause }),
      )
    }
  })
  await waitFor(client.useDeviceSessions, (s) => settled(s) && s.data?.length === 2)
  await client.multiSession.setActive({ userId: ada.id })
  expect(stopLate).toBeDefined()
  expect(late).toEqual([{ from: bob.id, to: ada.id, cause: "switch" }])
  stopWatching()
  stopLate?.()
})
