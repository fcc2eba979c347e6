import { getDeviceSessions } from "@multisession/core"
import {
  cleanup,
  configure,
  fireEvent,
  render,
  screen,
  waitFor,
  within,
} from "@testing-library/vue"
import { createAuthClient } from "better-auth/vue"
import { afterEach, beforeEach, expect, inject, test } from "vitest"
import { createApp, defineComponent, h, nextTick } from "vue"
import {
  comeBackOnline,
  countingFetch,
  serverTruth,
  signOutAll,
  useServerOrigin,
} from "../../../test/browser"
import { multiSession, provideMultiSession, useDeviceSessions } from "../src"
import AccountSwitcher from "./AccountSwitcher.vue"
import SessionPanel from "./SessionPanel.vue"
import { makeVueClient, signUp, type VueClient } from "./vue-client"

// Two cores, several suites at once: give the real server some slack.
configure({ asyncUtilTimeout: 4000 })

beforeEach(async () => {
  useServerOrigin()
  await signOutAll()
})

// Testing Library cleans up by itself only when Vitest's globals are on.
afterEach(() => cleanup())

const LIST = "/multi-session/list-device-sessions"
const NO_CLIENT = /app\.use\(multiSession.*provideMultiSession\(client\).*client argument/
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const items = () =>
  within(screen.getByRole("list", { name: "Signed-in accounts" })).queryAllByRole("listitem")
const nameOf = (item: HTMLElement) => item.firstChild?.textContent?.trim()
const names = () => items().map(nameOf).sort()
const activeNames = () =>
  items()
    .filter((item) => item.getAttribute("aria-current") === "true")
    .map(nameOf)
const activeLine = () => screen.getByTestId("active").textContent
const signedInAs = () => screen.getByText(/^Signed in as/).textContent

/** Resolves once no switch or revoke is under way and an account is marked active. */
const settled = () =>
  waitFor(() => {
    expect(screen.queryByRole("status")).toBeNull()
    expect(activeNames()).toHaveLength(1)
  })

/** The switcher beside better-auth's own session, the client handed over by the plugin. */
function renderPage(client: VueClient) {
  const Page = defineComponent(() => () => [h(AccountSwitcher), h(SessionPanel, { client })])
  return render(Page, { global: { plugins: [[multiSession, { client }]] } })
}

async function threeAccounts(fetchImpl?: typeof fetch) {
  const client = makeVueClient(fetchImpl)
  const ada = await signUp(client, "Ada")
  const bob = await signUp(client, "Bob")
  const cy = await signUp(client, "Cy")
  const page = renderPage(client)
  await waitFor(() => expect(names()).toHaveLength(3))
  await settled()
  return { client, ada, bob, cy, page }
}

test("lists three accounts with the active one marked", async () => {
  await threeAccounts()
  expect(names()).toEqual(["Ada", "Bob", "Cy"])
  expect(activeNames()).toEqual(["Cy"])
  expect(activeLine()).toBe("Active: Cy")
  expect(signedInAs()).toBe("Signed in as Cy")
  expect(screen.queryByRole("button", { name: "Switch to Cy" })).toBeNull()
})

test("switches the account in the list and in useSession()", async () => {
  const { ada } = await threeAccounts()
  await fireEvent.click(screen.getByRole("button", { name: "Switch to Ada" }))
  expect((await screen.findByRole("status")).textContent).toBe("Switching accounts…")
  await settled()
  expect(activeNames()).toEqual(["Ada"])
  expect(activeLine()).toBe("Active: Ada")
  expect(signedInAs()).toBe("Signed in as Ada")
  expect((await serverTruth()).activeUserId).toBe(ada.id)
})

test("drops an entry on revoke", async () => {
  const { ada, cy } = await threeAccounts()
  await fireEvent.click(screen.getByRole("button", { name: "Remove Bob" }))
  expect((await screen.findByRole("status")).textContent).toBe("Removing…")
  await settled()
  expect(names()).toEqual(["Ada", "Cy"])
  expect(activeNames()).toEqual(["Cy"])
  expect(signedInAs()).toBe("Signed in as Cy")
  expect((await serverTruth()).userIds.sort()).toEqual([ada.id, cy.id].sort())
})

test("shows the promoted account after revoking the active one", async () => {
  const { ada, bob } = await threeAccounts()
  await fireEvent.click(screen.getByRole("button", { name: "Remove Cy" }))
  await screen.findByRole("status")
  await settled()
  const truth = await serverTruth()
  const promoted = [ada, bob].find((account) => account.id === truth.activeUserId)
  expect(promoted).toBeDefined()
  expect(names()).toEqual(["Ada", "Bob"])
  expect(activeNames()).toEqual([promoted?.name])
  expect(activeLine()).toBe(`Active: ${promoted?.name}`)
  expect(signedInAs()).toBe(`Signed in as ${promoted?.name}`)
})

test("empties the list on sign-out", async () => {
  await threeAccounts()
  await fireEvent.click(screen.getByRole("button", { name: "Sign out of all accounts" }))
  await screen.findByText("No accounts on this device yet.")
  await waitFor(() => expect(activeLine()).toBe("Not signed in"))
  expect(names()).toEqual([])
  expect(signedInAs()).toBe("Signed in as nobody")
  expect(await serverTruth()).toEqual({ activeUserId: null, userIds: [] })
})

test("shows an error for a bad token and keeps the list", async () => {
  const { client } = await threeAccounts()
  // A second component, sharing the store: its failure shows in the switcher.
  const OldLink = defineComponent(() => {
    const { setActive } = useDeviceSessions()
    return () =>
      h(
        "button",
        { onClick: () => setActive({ sessionToken: "a-token-this-device-never-had" }) },
        "Old link",
      )
  })
  render(OldLink, { global: { plugins: [[multiSession, { client }]] } })
  await fireEvent.click(screen.getByRole("button", { name: "Old link" }))
  expect((await screen.findByRole("alert")).textContent).toBe(
    "That account was already removed from this device.",
  )
  await settled()
  expect(names()).toEqual(["Ada", "Bob", "Cy"])
  expect(activeNames()).toEqual(["Cy"])
  // The page keeps working, and the next call clears the error.
  await fireEvent.click(screen.getByRole("button", { name: "Switch to Bob" }))
  await waitFor(() => expect(activeNames()).toEqual(["Bob"]))
  expect(screen.queryByRole("alert")).toBeNull()
})

test("shares one request between components", async () => {
  const requests = countingFetch()
  const client = makeVueClient(requests.fetch)
  await signUp(client, "Ada")
  requests.reset()
  const Twice = defineComponent(() => () => [h(AccountSwitcher), h(AccountSwitcher)])
  render(Twice, { global: { plugins: [[multiSession, { client }]] } })
  await waitFor(() => expect(screen.getAllByText("Active: Ada")).toHaveLength(2))
  expect(requests.count(LIST)).toBe(1)
})

test("re-renders a component only when the field it reads changes", async () => {
  const client = makeVueClient()
  await signUp(client, "Ada")
  let renders = 0
  const Names = defineComponent(() => {
    const { data } = useDeviceSessions()
    return () => {
      renders += 1
      return h(
        "ul",
        data.value?.map((entry) => h("li", entry.user.name)),
      )
    }
  })
  render(Names, { global: { plugins: [[multiSession, { client }]] } })
  await screen.findByText("Ada")
  const { $deviceSessions, refetch } = getDeviceSessions(client)
  await waitFor(() => expect($deviceSessions.get().isRefetching).toBe(false))
  let updates = 0
  const stop = $deviceSessions.listen(() => {
    updates += 1
  })
  const before = renders
  // A refetch with the same answer changes isRefetching twice and keeps the list as it was.
  await refetch()
  await nextTick()
  stop()
  expect(updates).toBeGreaterThanOrEqual(2)
  expect(renders).toBe(before)
  expect(screen.getByText("Ada")).toBeTruthy()
})

test("releases the subscription on unmount", async () => {
  const requests = countingFetch()
  const { client, page } = await threeAccounts(requests.fetch)
  const { $deviceSessions } = getDeviceSessions(client)
  const $session = client.$store.atoms.session as { lc: number }
  expect($deviceSessions.lc).toBe(1)
  // While mounted, coming back online refetches the list...
  requests.reset()
  comeBackOnline()
  await waitFor(() => expect(requests.count(LIST)).toBe(1))

  page.unmount()
  expect($deviceSessions.lc).toBe(0)
  // ...and after nanostores' 1000 ms unmount delay nothing listens or fetches any more.
  await sleep(1100)
  expect($session.lc).toBe(0)
  requests.reset()
  comeBackOnline()
  // a request of our own as a fence: whatever the event set off was sent before its answer
  // (better-auth's own session store may still answer the event; this store does not)
  await client.getSession()
  expect(requests.count(LIST)).toBe(0)
})

test("throws a clear error without a plugin, provide or client", () => {
  expect(() => useDeviceSessions()).toThrow(NO_CLIENT)
  const app = createApp(AccountSwitcher)
  app.config.warnHandler = () => {} // Vue's own warning repeats the error
  expect(() => app.mount(document.createElement("div"))).toThrow(NO_CLIENT)
})

test("reads the client from app.use(multiSession)", async () => {
  const client = makeVueClient()
  await signUp(client, "Ada")
  render(AccountSwitcher, { global: { plugins: [[multiSession, { client }]] } })
  expect(await screen.findByText("Active: Ada")).toBeTruthy()
})

test("reads the client from provideMultiSession()", async () => {
  const client = makeVueClient()
  await signUp(client, "Ada")
  const Parent = defineComponent(() => {
    provideMultiSession(client)
    return () => h(AccountSwitcher)
  })
  render(Parent)
  expect(await screen.findByText("Active: Ada")).toBeTruthy()
})

test("takes the client as argument", async () => {
  const client = makeVueClient()
  await signUp(client, "Ada")
  render(AccountSwitcher, { props: { client } })
  expect(await screen.findByText("Active: Ada")).toBeTruthy()
})

test("rejects a missing client or one without multiSessionClient()", () => {
  const plain = createAuthClient({ baseURL: inject("authURL") })
  expect(() => createApp({}).use(multiSession, { client: plain })).toThrow(/multiSessionClient\(\)/)
  expect(() => createApp({}).use(multiSession, {} as never)).toThrow(/multiSessionClient\(\)/)
})

test("with fields, a component re-renders only for changes to those fields", async () => {
  const client = makeVueClient()
  await signUp(client, "Ada")
  let renders = 0
  const Count = defineComponent({
    setup() {
      const { data, isRefetching } = useDeviceSessions(client, { fields: ["data"] })
      return () => {
        renders += 1
        return h(
          "p",
          { "data-testid": "count" },
          `${data.value?.length ?? "?"} ${isRefetching.value}`,
        )
      }
    },
  })
  render(Count)
  await waitFor(() => expect(screen.getByTestId("count").textContent).toBe("1 false"))
  const settled = renders
  // A refresh that finds nothing new: isRefetching goes on and off, data stays the same.
  await getDeviceSessions(client).refetch()
  await nextTick()
  expect(renders).toBe(settled)
})
