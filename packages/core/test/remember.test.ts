// rememberAccounts() against the real server: the accounts that leave this device stay on
// the store as `remembered`, display data only, in localStorage shared by the tabs; storage
// that fails keeps them in memory, with one warning.
import { afterEach, beforeEach, expect, inject, test, vi } from "vitest"
import {
  disposeNow,
  makeClient,
  PASSWORD,
  returnToTab,
  settleSignals,
  signOutAll,
  signUp,
  useServerOrigin,
  waitFor,
} from "../../../test/browser"
import {
  type DeviceSessionsState,
  type RememberAccountsOptions,
  type RememberedAccount,
  rememberAccounts,
} from "../src"

// The roomy server keeps 64 accounts a device: a test may sign up more than three.
const url = inject("roomyAuthURL")
const key = `multisession.remembered:${url}`
const remembering = (options: RememberAccountsOptions = {}) =>
  makeClient({ maximumSessions: 64, remember: rememberAccounts(options) }, fetch, url)
beforeEach(async () => {
  useServerOrigin(url)
  await signOutAll()
  localStorage.clear()
})
afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

/**
 * Puts a Storage in front of happy-dom's real one, as a browser's storage that is full or
 * refused would behave (happy-dom's own methods cannot be spied on and restored). Undone
 * after the test by `vi.unstubAllGlobals()`.
 */
function storageThat(overrides: Partial<Storage>): void {
  const real = localStorage
  vi.stubGlobal("localStorage", {
    getItem: (k: string) => real.getItem(k),
    setItem: (k: string, v: string) => real.setItem(k, v),
    removeItem: (k: string) => real.removeItem(k),
    ...overrides,
  })
}

const settled = (s: DeviceSessionsState) => !s.isPending && !s.isRefetching && !s.revoking.length
const names = (accounts: readonly RememberedAccount[]) => accounts.map((a) => a.user.name)
const stored = (): RememberedAccount[] => JSON.parse(localStorage.getItem(key) ?? "[]")

/** A shown store with `remember`, and `names` signed up on it, the last one active. */
async function device(list: string[], options: RememberAccountsOptions = {}) {
  const made = remembering(options)
  const stop = made.useDeviceSessions.listen(() => {})
  const users = []
  for (const name of list) users.push(await signUp(made, name))
  await until(made, (s) => s.data?.length === list.length)
  return { client: made, users, stop }
}
type Client = Awaited<ReturnType<typeof device>>["client"]
const until = (client: Client, ready: (s: DeviceSessionsState) => boolean) =>
  waitFor(client.useDeviceSessions, (s) => settled(s) && ready(s))

test("keeps a removed account as remembered, display data only, and moves it back on sign-in", async () => {
  const { client, users } = await device(["Ada", "Bob"])
  const [ada] = users
  const before = Date.now()
  await client.multiSession.revoke({ userId: ada?.id as string })
  const after = await until(client, (s) => s.remembered.length === 1)
  expect(after.data?.map((e) => e.user.name)).toEqual(["Bob"])
  const [remembered] = after.remembered
  expect(remembered).toEqual({
    user: { id: ada?.id, name: "Ada", email: ada?.email, image: null },
    lastActiveAt: expect.any(Number),
  })
  expect(remembered?.lastActiveAt).toBeLessThanOrEqual(before)
  expect(names(stored())).toEqual(["Bob", "Ada"])

  await client.signIn.email({ email: ada?.email as string, password: PASSWORD })
  const back = await until(client, (s) => s.data?.length === 2)
  expect(back.remembered).toEqual([])
  expect(back.active?.user.name).toBe("Ada")
})

test("remembers an account whose session was revoked behind the client's back", async () => {
  const { client, users } = await device(["Ada", "Bob"])
  const [ada] = users
  await fetch(`/test/revoke-user?email=${encodeURIComponent(ada?.email as string)}`, {
    method: "POST",
  })
  returnToTab()
  const after = await until(client, (s) => s.data?.length === 1)
  expect(names(after.remembered)).toEqual(["Ada"])
})

test("remembers an account that left while no tab was open, from the first list", async () => {
  const first = await device(["Ada", "Bob"])
  first.stop()
  first.client.multiSession.dispose()
  const [ada] = first.users
  await fetch(`/test/revoke-user?email=${encodeURIComponent(ada?.email as string)}`, {
    method: "POST",
  })
  // The next visit: a new client, a new store.
  const next = remembering()
  // (What is remembered follows the settled list: under load it may come a state later.)
  const state = await until(next, (s) => s.data?.length === 1 && s.remembered.length > 0)
  expect(names(state.remembered)).toEqual(["Ada"])
})

test("a sign-out of all through this client forgets every account on this device", async () => {
  const { client, users } = await device(["Ada", "Bob", "Cy"])
  await client.multiSession.revoke({ userId: users[0]?.id as string })
  await until(client, (s) => s.remembered.length === 1)
  await client.signOut()
  const after = await until(client, (s) => s.data?.length === 0 && !s.active)
  expect(after.remembered).toEqual([])
  expect(stored()).toEqual([])
})

test("a sign-out of all forgets them too from a tab whose store never loaded the list", async () => {
  const { stop } = await device(["Ada", "Bob"])
  stop()
  expect(names(stored()).sort()).toEqual(["Ada", "Bob"])
  // Another page of the app, where nothing shows the accounts: its store never mounted.
  const elsewhere = remembering()
  await elsewhere.signOut()
  expect(stored()).toEqual([])
})

test("with keepOnSignOut, remembers every account a sign-out of all signs out", async () => {
  const { client } = await device(["Ada", "Bob"], { keepOnSignOut: true })
  await client.signOut()
  const after = await until(client, (s) => s.data?.length === 0 && !s.active)
  expect(names(after.remembered).sort()).toEqual(["Ada", "Bob"])
})

test("keeps at most `max` signed-out accounts, dropping the least recently seen first", async () => {
  const { client, users } = await device(["Ada", "Bob", "Cy", "Dee"], { max: 2 })
  const [ada, bob, cy] = users
  for (const user of [ada, bob, cy]) {
    await client.multiSession.revoke({ userId: user?.id as string })
    await until(client, (s) => !s.data?.some((e) => e.user.id === user?.id))
  }
  const after = client.useDeviceSessions.get()
  expect(names(after.remembered)).toEqual(["Cy", "Bob"])
  // Ada is gone from storage too, not only from the screen.
  expect(names(stored())).toEqual(["Dee", "Cy", "Bob"])
})

test("shows at most `max` even when another tab, with more accounts live, wrote more", async () => {
  const others = ["Eve", "Fay", "Gus"].map((name, at) => ({
    user: { id: `id-${name}`, name, email: `${name}@example.com`, image: null },
    lastActiveAt: 3 - at,
  }))
  const { client } = await device(["Ada"], { max: 2 })
  const [ada] = stored()
  localStorage.setItem(key, JSON.stringify([ada, ...others]))
  window.dispatchEvent(new StorageEvent("storage", { key }))
  expect(names(client.useDeviceSessions.get().remembered)).toEqual(["Eve", "Fay"])
})

test("forget drops one remembered account, forgetAll every one; the live ones stay", async () => {
  const { client, users } = await device(["Ada", "Bob", "Cy"])
  for (const user of users.slice(0, 2)) {
    await client.multiSession.revoke({ userId: user?.id as string })
    await until(client, (s) => !s.data?.some((e) => e.user.id === user?.id))
  }
  const state = client.useDeviceSessions.get()
  expect(names(state.remembered)).toEqual(["Bob", "Ada"])
  state.forget(users[1]?.id as string)
  expect(names(client.useDeviceSessions.get().remembered)).toEqual(["Ada"])
  // A live account, an unknown id and a wrong type change nothing.
  const kept = client.useDeviceSessions.get().remembered
  for (const id of [users[2]?.id, "nobody", 42, undefined]) state.forget(id as string)
  expect(client.useDeviceSessions.get().remembered).toBe(kept)
  state.forgetAll()
  const after = client.useDeviceSessions.get()
  expect(after.remembered).toEqual([])
  expect(after.data?.map((e) => e.user.name)).toEqual(["Cy"])
  expect(names(stored())).toEqual(["Cy"])
})

test("an account signed in past the device's limit is live, not remembered, until it leaves", async () => {
  // The server behind `authURL` keeps 3 accounts a device.
  useServerOrigin(inject("authURL"))
  await signOutAll()
  const full = makeClient({ maximumSessions: 3, remember: rememberAccounts() })
  full.useDeviceSessions.listen(() => {})
  const [ada] = [await signUp(full, "Ada"), await signUp(full, "Bob"), await signUp(full, "Cy")]
  const dee = await signUp(full, "Dee")
  const past = await until(full, (s) => s.activeNotListed && s.active?.user.id === dee.id)
  expect(past.remembered).toEqual([])
  await full.multiSession.setActive({ userId: ada?.id as string })
  // Dee's only cookie was the active one: switching away signs Dee out of this device.
  const after = await until(full, (s) => s.active?.user.id === ada?.id && !s.activeNotListed)
  expect(names(after.remembered)).toEqual(["Dee"])
  await signOutAll()
})

test("hands back the very objects, and writes nothing, while the list stays the same", async () => {
  const { client, users } = await device(["Ada", "Bob", "Cy"])
  await client.multiSession.revoke({ userId: users[0]?.id as string })
  const first = (await until(client, (s) => s.remembered.length === 1)).remembered
  const real = localStorage
  let writes = 0
  storageThat({
    setItem(k: string, v: string) {
      if (k === key) writes += 1
      real.setItem(k, v)
    },
  })
  await client.useDeviceSessions.get().refetch()
  await client.multiSession.setActive({ userId: users[1]?.id as string })
  expect(client.useDeviceSessions.get().remembered).toBe(first)
  expect(writes).toBe(0)
})

test("keeps a remembered entry the same object when another account joins the list", async () => {
  const { client, users } = await device(["Ada", "Bob", "Cy"])
  await client.multiSession.revoke({ userId: users[0]?.id as string })
  const [ada] = (await until(client, (s) => s.remembered.length === 1)).remembered
  await client.multiSession.revoke({ userId: users[1]?.id as string })
  const after = await until(client, (s) => s.remembered.length === 2)
  expect(names(after.remembered)).toEqual(["Bob", "Ada"])
  expect(after.remembered[1]).toBe(ada)
})

test("a second window sees a newly remembered account once its list refreshes, and a forget as soon as storage tells it", async () => {
  const { client, users } = await device(["Ada", "Bob", "Cy"])
  const other = remembering()
  const stopOther = other.useDeviceSessions.listen(() => {})
  await until(other, (s) => s.data?.length === 3)
  await client.multiSession.revoke({ userId: users[0]?.id as string })
  await until(other, (s) => names(s.remembered).join() === "Ada")
  client.useDeviceSessions.get().forget(users[0]?.id as string)
  // happy-dom runs both clients in one window, which hears no storage event of its own:
  // this is the event the browser sends the other window.
  window.dispatchEvent(new StorageEvent("storage", { key }))
  expect(other.useDeviceSessions.get().remembered).toEqual([])
  stopOther()
})

test("garbage in storage: kept in memory, one warning, the other app's value left alone", async () => {
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {})
  for (const garbage of ["{not json", '{"v":2,"accounts":[]}', '[{"user":{"id":1}}]']) {
    localStorage.setItem(key, garbage)
    const { client, users, stop } = await device(["Ada", "Bob"])
    await client.multiSession.revoke({ userId: users[0]?.id as string })
    const after = await until(client, (s) => s.remembered.length === 1)
    expect(names(after.remembered)).toEqual(["Ada"])
    expect(after.data?.map((e) => e.user.name)).toEqual(["Bob"])
    expect(localStorage.getItem(key)).toBe(garbage)
    stop()
    disposeNow(client)
    await signOutAll()
  }
  // One warning for each client, each saying why.
  expect(warn.mock.calls.map(([message]) => String(message).split(": ").slice(1, 3))).toEqual([
    ["remembered accounts kept in memory", expect.stringMatching(/^SyntaxError/)],
    ["remembered accounts kept in memory", expect.stringMatching(/^TypeError/)],
    ["remembered accounts kept in memory", `multisession.remembered:${url} is not ours`],
  ])
})

test("full storage: kept in memory, one warning, nothing lost", async () => {
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {})
  storageThat({
    setItem() {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError")
    },
  })
  const { client, users } = await device(["Ada", "Bob", "Cy"])
  for (const user of users.slice(0, 2)) {
    await client.multiSession.revoke({ userId: user?.id as string })
    await until(client, (s) => !s.data?.some((e) => e.user.id === user?.id))
  }
  const after = client.useDeviceSessions.get()
  expect(names(after.remembered)).toEqual(["Bob", "Ada"])
  expect(after.data?.map((e) => e.user.name)).toEqual(["Cy"])
  expect(warn).toHaveBeenCalledTimes(1)
  expect(String(warn.mock.calls[0]?.[0])).toMatch(/QuotaExceededError/)
})

test("no storage at all, or storage that refuses access: kept in memory, one warning", async () => {
  for (const missing of [undefined, "refused"]) {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {})
    if (missing) {
      storageThat({
        getItem() {
          throw new DOMException("Access is denied for this document.", "SecurityError")
        },
      })
    } else vi.stubGlobal("localStorage", undefined)
    const { client, users, stop } = await device(["Ada", "Bob"])
    await client.multiSession.revoke({ userId: users[0]?.id as string })
    const after = await until(client, (s) => s.remembered.length === 1)
    expect(names(after.remembered)).toEqual(["Ada"])
    expect(after.data?.map((e) => e.user.name)).toEqual(["Bob"])
    expect(warn).toHaveBeenCalledTimes(1)
    stop()
    disposeNow(client)
    vi.restoreAllMocks()
    vi.unstubAllGlobals()
    await signOutAll()
  }
})

test("nothing with a token or a session id ever reaches storage or a tab message", async () => {
  const writes: string[] = []
  const real = localStorage
  storageThat({
    setItem(k: string, v: string) {
      writes.push(`${k}=${v}`)
      real.setItem(k, v)
    },
  })
  const messages: unknown[] = []
  const spy = new BroadcastChannel(`multisession:${key.slice(key.indexOf(":") + 1)}`)
  spy.onmessage = (event) => messages.push(event.data)
  const { client, users } = await device(["Ada", "Bob", "Cy"], { keepOnSignOut: true })
  const secrets = client.useDeviceSessions
    .get()
    .data?.flatMap((e) => [e.session.token, e.session.id])
  expect(secrets).toHaveLength(6)
  await client.multiSession.setActive({ userId: users[0]?.id as string })
  await client.multiSession.revoke({ userId: users[1]?.id as string })
  await fetch(`/test/revoke-user?email=${encodeURIComponent(users[2]?.email as string)}`, {
    method: "POST",
  })
  returnToTab()
  await until(client, (s) => s.data?.length === 1)
  await client.signOut()
  await until(client, (s) => s.data?.length === 0)
  await settleSignals()
  spy.close()
  const ours = writes.filter((write) => write.startsWith(key))
  expect(ours.length).toBeGreaterThan(0)
  for (const text of [...writes, JSON.stringify(messages)]) {
    for (const secret of secrets ?? []) expect(text).not.toContain(secret)
  }
  for (const write of ours) {
    for (const account of JSON.parse(write.slice(key.length + 1))) {
      expect(Object.keys(account).sort()).toEqual(["lastActiveAt", "user"])
      expect(Object.keys(account.user).sort()).toEqual(["email", "id", "image", "name"])
    }
  }
  expect(names(stored()).sort()).toEqual(["Ada", "Bob", "Cy"])
})

test("without rememberAccounts nothing is stored, and remembered stays empty", async () => {
  const plain = makeClient({ maximumSessions: 64 }, fetch, url)
  const stop = plain.useDeviceSessions.listen(() => {})
  const ada = await signUp(plain, "Ada")
  await signUp(plain, "Bob")
  await plain.multiSession.revoke({ userId: ada.id })
  const after = await until(plain, (s) => s.data?.length === 1)
  expect(after.remembered).toEqual([])
  after.forget(ada.id)
  after.forgetAll()
  expect(Object.keys(localStorage).filter((k) => k.startsWith("multisession.remembered"))).toEqual(
    [],
  )
  stop()
})
