// A different account in each tab: two clients ("tabs") on one device, against a real server
// with @multisession/server's perTabAccounts(). Every request is watched with its header.
import { createAuthClient } from "better-auth/client"
import { afterEach, beforeEach, expect, inject, onTestFinished, test, vi } from "vitest"
import {
  disposedAfterTest,
  makeClient,
  newEmail,
  PASSWORD,
  serverTruth,
  settleSignals,
  signOutAll,
  useServerOrigin,
  waitFor,
} from "../../../test/browser"
import {
  type DeviceSessionsState,
  multiSessionClient,
  onAccountChange,
  perTabAccountsClient,
} from "../src"

const url = inject("perTabAuthURL")
const HEADER = "x-multisession-account"
beforeEach(async () => {
  useServerOrigin(url)
  sessionStorage.clear()
  await signOutAll()
})
afterEach(() => {
  vi.restoreAllMocks()
})

/** The real fetch, wrapped to note each auth request's path and the account it names. */
function watchedFetch() {
  const calls: { path: string; account: string | null }[] = []
  const wrapped: typeof fetch = (input, init) => {
    const request = new Request(input, init)
    const path = new URL(request.url).pathname.replace("/api/auth", "")
    calls.push({ path, account: request.headers.get(HEADER) })
    return fetch(request)
  }
  return {
    fetch: wrapped,
    paths: () => calls.map((call) => call.path),
    calls,
    accounts: () => [...new Set(calls.map((call) => call.account))],
    reset: () => calls.splice(0),
  }
}

function openTab(basePath?: string) {
  const requests = watchedFetch()
  const client = disposedAfterTest(
    createAuthClient({
      baseURL: url,
      basePath,
      plugins: [multiSessionClient({ maximumSessions: 3 }), perTabAccountsClient()],
      fetchOptions: { customFetchImpl: requests.fetch },
    }),
  )
  const stop = client.useDeviceSessions.listen(() => {})
  const settled = (ready: (s: DeviceSessionsState) => boolean) =>
    waitFor(client.useDeviceSessions, (s) => !s.isPending && !s.isRefetching && ready(s))
  const activeId = () => client.useDeviceSessions.get().active?.user.id
  return { client, requests, stop, settled, activeId }
}
type Tab = ReturnType<typeof openTab>

async function signUp({ client }: Tab, name: string) {
  const { data, error } = await client.signUp.email({
    email: newEmail(name),
    password: PASSWORD,
    name,
  })
  if (error || !data)
    throw new Error(`sign-up failed: ${JSON.stringify(error)} ${JSON.stringify(data)}`)
  await settleSignals()
  return data.user.id
}

/** Switches `tab` alone to `userId`, and waits for its store to show it. */
async function switchTab(tab: Tab, userId: string) {
  expect((await tab.client.multiSession.setActive({ userId })).error).toBeNull()
  await tab.settled((s) => s.active?.user.id === userId)
}

/**
 * Ada and Bob signed in through a first tab, Bob the device's active account; then a second
 * tab opens, on the device's active account (one window here: its sessionStorage is cleared
 * as a new tab's is empty).
 */
async function twoTabs() {
  const one = openTab()
  const ada = await signUp(one, "Ada")
  const bob = await signUp(one, "Bob")
  sessionStorage.clear()
  const two = openTab()
  await one.settled((s) => s.data?.length === 2 && s.active?.user.id === bob)
  await two.settled((s) => s.data?.length === 2 && s.active?.user.id === bob)
  return { one, two, ada, bob }
}

test("setActive switches this tab only: the other tab and the device's active account stay", async () => {
  const { one, two, ada, bob } = await twoTabs()
  one.requests.reset()
  two.requests.reset()
  const before = two.client.useDeviceSessions.get().data
  const posted = vi.spyOn(BroadcastChannel.prototype, "postMessage")

  const { data, error } = await one.client.multiSession.setActive({ userId: ada })
  expect(error).toBeNull()
  expect(data?.user.id).toBe(ada)
  await one.settled((s) => s.active?.user.id === ada)
  // The switch is answered from the device list; better-auth's session, asked as Ada, is the
  // server's word on it.
  expect(one.requests.paths()).toEqual(["/get-session"])
  expect(one.requests.accounts()).toEqual([ada])
  expect((one.client.useSession.get().data as { user: { id: string } } | null)?.user.id).toBe(ada)

  // The device did not change: the other tabs are not told (better-auth's own channel is
  // not used by a switch either), and send nothing.
  expect(posted).not.toHaveBeenCalled()
  expect(two.requests.paths()).toEqual([])
  expect(two.activeId()).toBe(bob)
  expect(two.client.useDeviceSessions.get().data).toBe(before)
  expect((await serverTruth()).activeUserId).toBe(bob)
})

test("perTab.headers() makes the app's own API calls act as this tab's account", async () => {
  const { one, two, ada, bob } = await twoTabs()
  await one.client.multiSession.setActive({ userId: ada })
  expect(one.client.perTab.headers()).toEqual({ [HEADER]: ada })
  expect(two.client.perTab.headers()).toEqual({ [HEADER]: bob })
  const notesOf = async (tab: Tab) =>
    (await (await fetch("/test/notes", { headers: tab.client.perTab.headers() })).json()).userId
  expect(await notesOf(one)).toBe(ada)
  expect(await notesOf(two)).toBe(bob)
  // Without the header the app's call acts as the device's active account.
  expect((await (await fetch("/test/notes")).json()).userId).toBe(bob)
})

test("a sign-in in one tab moves that tab only", async () => {
  const { one, two, ada } = await twoTabs()
  await switchTab(one, ada)
  const cy = await signUp(two, "Cy")
  await two.settled((s) => s.active?.user.id === cy && s.data?.length === 3)
  await one.settled((s) => s.data?.length === 3)
  expect(one.activeId()).toBe(ada)
  expect(two.client.perTab.userId()).toBe(cy)
  expect((await serverTruth()).activeUserId).toBe(cy)
})

test("removing this tab's account moves it to the device's active account in 2 requests", async () => {
  const { one, two, ada, bob } = await twoTabs()
  await switchTab(one, ada)
  one.requests.reset()

  expect((await one.client.multiSession.revoke({ userId: ada })).error).toBeNull()
  await one.settled((s) => s.data?.length === 1 && s.active?.user.id === bob)
  expect(one.requests.paths()).toEqual(["/multi-session/revoke", "/get-session"])
  expect(one.client.perTab.userId()).toBe(bob)
  await two.settled((s) => s.data?.length === 1)
  expect(two.activeId()).toBe(bob)
})

test("this tab's account removed in another tab: it goes on as the device's active account", async () => {
  const { one, two, ada, bob } = await twoTabs()
  await switchTab(one, ada)
  one.requests.reset()

  expect((await two.client.multiSession.revoke({ userId: ada })).error).toBeNull()
  await one.settled((s) => s.data?.length === 1 && s.active?.user.id === bob)
  // The list and the session, asked as Ada (gone: null); the list that lacks the account
  // this tab showed asks again, as the device's account.
  expect(one.requests.calls).toEqual([
    { path: "/multi-session/list-device-sessions", account: ada },
    { path: "/get-session", account: ada },
    { path: "/multi-session/list-device-sessions", account: null },
    { path: "/get-session", account: null },
  ])
  expect(one.client.perTab.userId()).toBe(bob)
  expect((one.client.useSession.get().data as { user: { id: string } } | null)?.user.id).toBe(bob)
})

test("a session this device does not hold: a typed error, and nothing changes", async () => {
  const { one, bob } = await twoTabs()
  const before = one.client.useDeviceSessions.get().data
  one.requests.reset()
  const { data, error } = await one.client.multiSession.setActive({ sessionToken: "not-mine" })
  expect(data).toBeNull()
  expect(error).toMatchObject({ code: "INVALID_SESSION_TOKEN", status: 401, action: "set-active" })
  await one.settled(() => true)
  expect(one.activeId()).toBe(bob)
  expect(one.client.useDeviceSessions.get().data).toBe(before)
  expect(one.client.perTab.userId()).toBe(bob)
})

test("signing out reaches every tab, and a session that answers nobody is not asked again", async () => {
  const { one, two, ada } = await twoTabs()
  await switchTab(one, ada)
  await one.client.signOut()
  await one.settled((s) => s.data?.length === 0 && !s.active)
  await two.settled((s) => s.data?.length === 0 && !s.active)
  expect(one.client.perTab.userId()).toBeNull()
  expect(two.client.perTab.userId()).toBeNull()
  // Nobody's session answers nobody, and is not asked again: 2 asks, 2 requests (a second ask
  // goes out after any the first could have set going).
  one.requests.reset()
  await one.client.getSession()
  await one.client.getSession()
  expect(one.requests.paths()).toEqual(["/get-session", "/get-session"])
})

/** The app asks for the session in `tab`; the answer is held until `answer()`. */
async function lateSession(tab: Tab) {
  let answer = () => {}
  const held = new Promise<void>((resolve) => {
    answer = resolve
  })
  let sent = () => {}
  const out = new Promise<void>((resolve) => {
    sent = resolve
  })
  let named: string | null = null
  const late = tab.client.getSession({
    fetchOptions: {
      customFetchImpl: async (input, init) => {
        named = new Request(input, init).headers.get(HEADER)
        sent()
        const response = await fetch(input, init)
        await held
        return response
      },
    },
  })
  await out
  return {
    /** The account the request named. */
    named,
    answer: async () => {
      answer()
      return ((await late).data as { user: { id: string } } | null)?.user.id
    },
  }
}

test("a late answer for the account this tab has left does not take the tab back", async () => {
  const { one, ada, bob } = await twoTabs()
  // The app asks for the session as Bob, and the answer comes late: after the switch to Ada.
  const late = await lateSession(one)
  expect(late.named).toBe(bob)
  await switchTab(one, ada)
  expect(await late.answer()).toBe(bob)
  expect(one.client.perTab.userId()).toBe(ada)
  expect(one.client.perTab.headers()).toEqual({ [HEADER]: ada })
})

test("a late answer to a request sent before the tab had an account does not take it", async () => {
  const { ada, bob } = await twoTabs()
  sessionStorage.clear()
  // A new tab asks at once, naming no account; the answer (the device's Bob) comes late.
  const three = openTab()
  const late = await lateSession(three)
  expect(late.named).toBeNull()
  await three.settled((s) => s.active?.user.id === bob)
  await switchTab(three, ada)
  expect(await late.answer()).toBe(bob)
  expect(three.client.perTab.userId()).toBe(ada)
})

test("a session asked with a query that answers nobody moves the tab to the device's account", async () => {
  const { one, two, ada, bob } = await twoTabs()
  await switchTab(one, ada)
  // Another device ends Ada's session; this tab is not told, and asks with a query.
  const email = two.client.useDeviceSessions.get().data?.find((e) => e.user.id === ada)?.user.email
  await fetch(`/test/revoke-user?email=${encodeURIComponent(email ?? "")}`, { method: "POST" })
  await one.client.getSession({ query: { disableCookieCache: true } })
  await one.settled((s) => s.active?.user.id === bob)
  expect(one.client.perTab.userId()).toBe(bob)
})

test("a reloaded tab keeps its account; a new tab may name its account in its URL", async () => {
  const { one, ada, bob } = await twoTabs()
  await one.client.multiSession.setActive({ userId: ada })
  one.stop()
  // A reload: sessionStorage holds the tab's account, and the first request names it.
  const reloaded = openTab()
  await reloaded.settled((s) => s.active?.user.id === ada)
  expect(reloaded.requests.accounts()).toEqual([ada])

  const setURL = (to: string) =>
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(to)
  // The account the URL names opens a new tab (its sessionStorage empty)…
  sessionStorage.clear()
  setURL(`${url}/?account=${bob}`)
  const opened = openTab()
  await opened.settled((s) => s.active?.user.id === bob)
  expect(opened.requests.accounts()).toEqual([bob])
  // …and once the tab has switched, a reload of the same URL keeps the tab's own account.
  await opened.client.multiSession.setActive({ userId: ada })
  await opened.settled((s) => s.active?.user.id === ada)
  opened.stop()
  const again = openTab()
  await again.settled((s) => s.active?.user.id === ada)
  expect(again.requests.accounts()).toEqual([ada])
  setURL(`${url}/`)
})

test("a switch is heard in the tab that switched only; a removal reaches the other tab too", async () => {
  const { one, two, ada, bob } = await twoTabs()
  const heard: string[] = []
  const stops = [
    onAccountChange(one.client, ({ cause }) => heard.push(`one:${cause}`)),
    onAccountChange(two.client, ({ cause }) => heard.push(`two:${cause}`)),
  ]
  await switchTab(one, ada)
  expect(heard).toEqual(["one:switch"])
  // A removal in this tab still reaches the other: here it removes the other tab's account.
  expect((await one.client.multiSession.revoke({ userId: bob })).error).toBeNull()
  await two.settled((s) => s.active?.user.id === ada)
  // The other tab may go through nobody on its way to Ada: when its session, asked as Bob,
  // answers before its list does (see the README's limits).
  expect(heard[0]).toBe("one:switch")
  expect(new Set(heard.slice(1))).toEqual(new Set(["two:other-tab"]))
  for (const stop of stops) stop()
})

test("a client without the plugin names no account in its requests", async () => {
  const seen: (string | null)[] = []
  const client = makeClient(
    { maximumSessions: 3 },
    (input, init) => {
      seen.push(new Request(input, init).headers.get(HEADER))
      return fetch(input, init)
    },
    url,
  )
  const stop = client.useDeviceSessions.listen(() => {})
  await waitFor(client.useDeviceSessions, (s) => !s.isPending)
  expect(seen.length).toBeGreaterThan(0)
  expect(new Set(seen)).toEqual(new Set([null]))
  stop()
})

test("a tab whose storage fails keeps its account in memory and still names it", async () => {
  const { one, ada } = await twoTabs()
  // A full or forbidden sessionStorage (a sandboxed frame): every read and write throws.
  const refused = () => {
    throw new DOMException("The quota has been exceeded.", "QuotaExceededError")
  }
  const spies = [
    vi.spyOn(sessionStorage, "setItem").mockImplementation(refused),
    vi.spyOn(sessionStorage, "getItem").mockImplementation(refused),
  ]
  onTestFinished(() => {
    for (const spy of spies) spy.mockRestore()
  })
  await switchTab(one, ada)
  expect(one.client.perTab.userId()).toBe(ada)
  one.requests.reset()
  await one.client.getSession()
  expect(one.requests.calls).toEqual([{ path: "/get-session", account: ada }])
  // A new tab whose storage cannot be read starts on the device's account.
  const fresh = openTab()
  expect(fresh.client.perTab.userId()).toBeNull()
})

test("a new tab names no account until its session answers, then the account it answered", async () => {
  const { two, bob } = await twoTabs()
  expect(two.requests.calls[0]?.account).toBeNull()
  expect(two.client.perTab.userId()).toBe(bob)
  two.requests.reset()
  await two.client.getSession()
  expect(two.requests.calls).toEqual([{ path: "/get-session", account: bob }])
})

test("the tab's account is kept per auth server: under multisession.tab: and its base URL and path", async () => {
  const { one, ada, bob } = await twoTabs()
  await switchTab(one, ada)
  expect(sessionStorage.getItem(`multisession.tab:${url}`)).toBe(ada)
  // The same server with its path named is another client's key: it starts on the device's.
  const named = openTab("/api/auth")
  await named.settled((s) => !!s.active)
  expect(named.client.perTab.userId()).toBe(bob)
  expect(sessionStorage.getItem(`multisession.tab:${url}/api/auth`)).toBe(bob)
  expect(sessionStorage.getItem(`multisession.tab:${url}`)).toBe(ada)
})

test("without multiSessionClient the plugin still takes the tab's account from the session", async () => {
  const { bob } = await twoTabs()
  sessionStorage.clear()
  // No store of device sessions here, so nothing to dispose.
  const alone = createAuthClient({ baseURL: url, plugins: [perTabAccountsClient()] })
  const { data, error } = await alone.getSession()
  expect(error).toBeNull()
  expect(data?.user.id).toBe(bob)
  expect(alone.perTab.headers()).toEqual({ [HEADER]: bob })
  // The next request names Bob, with no device list to check it against.
  expect((await alone.getSession()).data?.user.id).toBe(bob)
})
