import { beforeEach, expect, test } from "vitest"
import {
  comeBackOnline,
  makeClient,
  returnToTab,
  serverTruth,
  signOutAll,
  signUp,
  useServerOrigin,
  waitFor,
} from "../../../test/browser"
import { type Fault, faultyFetch } from "../../../test/faults"
import type { DeviceSessionsState } from "../src"

beforeEach(async () => {
  useServerOrigin()
  await signOutAll()
})

const settled = (s: DeviceSessionsState) => !s.isPending && !s.isRefetching
const LIST = "/multi-session/list-device-sessions"

async function twoAccounts(base?: typeof fetch) {
  const faults = faultyFetch(base)
  const client = makeClient({ maximumSessions: 3 }, faults.fetch)
  const ada = await signUp(client, "Ada")
  const bob = await signUp(client, "Bob")
  const stop = client.useDeviceSessions.listen(() => {})
  const state = await waitFor(client.useDeviceSessions, (s) => settled(s) && s.data?.length === 2)
  return { client, faults, ada, bob, stop, state }
}

const listFaults: Fault[] = [
  "network-error",
  "server-error",
  "unauthorized",
  "malformed-json",
  "aborted",
  "lost-answer",
]

for (const fault of listFaults) {
  test(`keeps the last good list through a ${fault} and recovers on focus`, async () => {
    const { client, faults, state, stop } = await twoAccounts()
    faults.fail(LIST, fault)
    await client.useDeviceSessions.get().refetch()
    const failed = client.useDeviceSessions.get()
    expect(failed.error).not.toBeNull()
    expect(failed.data).toBe(state.data)
    expect(failed.active?.user.name).toBe("Bob")
    returnToTab()
    const recovered = await waitFor(client.useDeviceSessions, (s) => settled(s) && !s.error)
    expect(recovered.data).toBe(state.data)
    stop()
  })
}

/** The real fetch, with the session's answers held back from `hold()` until its release. */
function heldSessions() {
  let held: Promise<void> | undefined
  const fetchHeld: typeof fetch = async (input, init) => {
    const response = await fetch(input, init)
    if (held && String(input instanceof Request ? input.url : input).includes("/get-session"))
      await held
    return response
  }
  return {
    fetch: fetchHeld,
    hold() {
      let answer = () => {}
      held = new Promise((resolve) => {
        answer = resolve
      })
      return () => {
        held = undefined
        answer()
      }
    },
  }
}

test("a return to the tab while the session is asked again retries a list that failed meanwhile", async () => {
  const sessions = heldSessions()
  const { client, faults, state, stop } = await twoAccounts(sessions.fetch)
  const release = sessions.hold()
  // The list fails while the session is asked; the user comes back again before the session
  // answers, and better-auth sends its request anew (its atom, refreshing already, tells nobody).
  faults.fail(LIST, "network-error")
  returnToTab()
  await waitFor(client.useDeviceSessions, (s) => s.error !== null)
  const lists = () => faults.log.filter((path) => path === LIST).length
  const before = lists()
  expect(client.useSession.get().isRefetching).toBe(true)
  returnToTab()
  await waitFor(client.useDeviceSessions, () => lists() === before + 1)
  release()
  const recovered = await waitFor(client.useDeviceSessions, (s) => settled(s) && !s.error)
  expect(lists()).toBe(before + 1)
  expect(recovered.data).toEqual(state.data)
  stop()
})

test("a store shown while the app's session request is out retries its failed list on a return to the tab", async () => {
  const sessions = heldSessions()
  const faults = faultyFetch(sessions.fetch)
  const client = makeClient({ maximumSessions: 3 }, faults.fetch)
  await signUp(client, "Ada")
  const release = sessions.hold()
  // The app checks the session itself; the store is shown meanwhile, and its list fails.
  void client.useSession.get().refetch()
  while (!faults.log.includes("/get-session")) await new Promise((go) => setTimeout(go, 5))
  faults.fail(LIST, "network-error")
  const stop = client.useDeviceSessions.listen(() => {})
  await waitFor(client.useDeviceSessions, (s) => s.error !== null)
  const lists = () => faults.log.filter((path) => path === LIST).length
  expect(lists()).toBe(1)
  returnToTab()
  await waitFor(client.useDeviceSessions, () => lists() === 2)
  release()
  const recovered = await waitFor(client.useDeviceSessions, (s) => settled(s) && !s.error)
  expect(recovered.data?.map((e) => e.user.name)).toEqual(["Ada"])
  expect(lists()).toBe(2)
  stop()
})

test("recovers from a failed first load when the browser comes back online", async () => {
  const faults = faultyFetch()
  const client = makeClient({ maximumSessions: 3 }, faults.fetch)
  await signUp(client, "Ada")
  // the mount's request fails (the session's own first check joins it, and sends no other)
  faults.fail(LIST, "network-error")
  const stop = client.useDeviceSessions.listen(() => {})
  const failed = await waitFor(client.useDeviceSessions, (s) => !s.isRefetching && !!s.error)
  expect(failed.data).toBeNull()
  expect(failed.isPending).toBe(false)
  expect(failed.error?.code).toBe("NETWORK_ERROR")
  comeBackOnline()
  const recovered = await waitFor(client.useDeviceSessions, (s) => settled(s) && !!s.data)
  expect(recovered.data?.map((e) => e.user.name)).toEqual(["Ada"])
  expect(recovered.error).toBeNull()
  stop()
})

test("keeps an older list answer from bringing back an account removed since", async () => {
  const { client, faults, ada, bob, stop } = await twoAccounts()
  // A refresh's answer, read while Ada is still here, is held back; removing Ada sends a
  // newer list request, which is answered first. The old answer must not bring Ada back.
  faults.fail(LIST, "late")
  const stale = client.useDeviceSessions.get().refetch()
  const removed = await client.multiSession.revoke({ userId: ada.id })
  expect(removed.error).toBeNull()
  await stale
  await faults.drained() // the held answer has arrived…
  await client.getSession() // …and a request of our own after it has been answered too
  const state = client.useDeviceSessions.get()
  expect(state.data?.map((e) => e.user.id)).toEqual([bob.id])
  expect(state.error).toBeNull()
  expect((await serverTruth()).userIds).toEqual([bob.id])
  stop()
})

for (const fault of ["network-error", "server-error", "aborted"] as Fault[]) {
  test(`rolls back a switch that meets a ${fault}`, async () => {
    const { client, faults, ada, bob, state, stop } = await twoAccounts()
    faults.fail("/multi-session/set-active", fault)
    const result = await client.multiSession.setActive({ userId: ada.id })
    expect(result.error).not.toBeNull()
    const after = await waitFor(client.useDeviceSessions, settled)
    expect(after.active?.user.id).toBe(bob.id)
    expect(after.data?.map((e) => e.user.id)).toEqual(state.data?.map((e) => e.user.id))
    expect(after.error).not.toBeNull()
    expect((await serverTruth()).activeUserId).toBe(bob.id)
    stop()
  })
}

test("follows the server when a switch's answer is lost after it acted", async () => {
  const { client, faults, ada, stop } = await twoAccounts()
  faults.fail("/multi-session/set-active", "lost-answer")
  const result = await client.multiSession.setActive({ userId: ada.id })
  expect(result.error?.code).toBe("NETWORK_ERROR")
  const after = await waitFor(client.useDeviceSessions, settled)
  expect((await serverTruth()).activeUserId).toBe(ada.id)
  expect(after.active?.user.id).toBe(ada.id)
  expect(client.useSession.get().data?.user.id).toBe(ada.id)
  stop()
})

test("answers NETWORK_ERROR for a revoke whose answer arrives garbled, and follows what the server did", async () => {
  const { client, faults, ada, bob, stop } = await twoAccounts()
  faults.fail("/multi-session/revoke", "malformed-json")
  const result = await client.multiSession.revoke({ userId: ada.id })
  expect(result.error).toMatchObject({ code: "NETWORK_ERROR", action: "revoke", userId: ada.id })
  // the server did remove Ada before its answer was garbled; the store asked again and follows
  const after = client.useDeviceSessions.get()
  expect((await serverTruth()).userIds).toEqual([bob.id])
  expect(after.data?.map((e) => e.user.id)).toEqual([bob.id])
  expect(after.active?.user.id).toBe(bob.id)
  stop()
})

test("answers NETWORK_ERROR for a switch whose answer arrives garbled, and follows what the server did", async () => {
  const { client, faults, ada, stop } = await twoAccounts()
  faults.fail("/multi-session/set-active", "malformed-json")
  const result = await client.multiSession.setActive({ userId: ada.id })
  expect(result.error).toMatchObject({
    code: "NETWORK_ERROR",
    action: "set-active",
    userId: ada.id,
  })
  expect((await serverTruth()).activeUserId).toBe(ada.id)
  expect(client.useDeviceSessions.get().active?.user.id).toBe(ada.id)
  expect(client.useSession.get().data?.user.id).toBe(ada.id)
  stop()
})

test("survives a garbled session answer and keeps the accounts on screen", async () => {
  const { client, faults, state, stop } = await twoAccounts()
  faults.fail("/get-session", "malformed-json")
  await client.useDeviceSessions.get().refetch()
  // better-auth's session store now holds the garbled body; ours must not trust it.
  returnToTab()
  const after = await waitFor(client.useDeviceSessions, settled)
  expect(after.data?.map((e) => e.user.id)).toEqual(state.data?.map((e) => e.user.id))
  await client.useDeviceSessions.get().refetch()
  const healed = await waitFor(client.useDeviceSessions, settled)
  expect(healed.active?.user.name).toBe("Bob")
  stop()
})
