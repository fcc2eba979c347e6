import { type AutoSwitchChange, getDeviceSessions } from "@multisession/core"
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte"
import { beforeEach, expect, test } from "vitest"
import {
  comeBackOnline,
  countingFetch,
  returnToTab,
  serverTruth,
  settleSignals,
  signOutAll,
  useServerOrigin,
} from "../../../test/browser"
import { deviceSessions } from "../src"
import AccountSwitcher from "./AccountSwitcher.svelte"
import ActiveAccount from "./ActiveAccount.svelte"
import { makeSvelteClient, type SvelteAuthClient, signUp } from "./auth-client"

beforeEach(async () => {
  useServerOrigin()
  await signOutAll()
})

const rows = () => screen.queryAllByTestId("account")
const rowNames = () => rows().map((row) => row.querySelector("span")?.textContent)
const activeRows = () => rows().filter((row) => row.dataset.active === "true")
const activeName = () => activeRows().map((row) => row.querySelector("span")?.textContent)
const signedInAs = () => screen.getByTestId("signed-in-as").textContent

async function threeAccounts(client: SvelteAuthClient = makeSvelteClient()) {
  const ada = await signUp(client, "Ada")
  const bob = await signUp(client, "Bob")
  const cy = await signUp(client, "Cy")
  return { client, ada, bob, cy }
}

async function renderSwitcher(client: SvelteAuthClient) {
  const view = render(AccountSwitcher, { props: { client } })
  // The list can arrive before the session tells which account is active.
  await waitFor(() => expect(activeRows()).toHaveLength(1))
  expect(rows()).toHaveLength(3)
  return view
}

test("lists three accounts with the active one marked", async () => {
  const { client } = await threeAccounts()
  await renderSwitcher(client)
  expect(rowNames().sort()).toEqual(["Ada", "Bob", "Cy"])
  expect(activeName()).toEqual(["Cy"])
  expect(signedInAs()).toBe("Cy")
  // The user field the server adds comes through, typed.
  expect(within(activeRows()[0] as HTMLElement).getByText("free")).toBeTruthy()
})

test("shows the loading line until the list arrives", async () => {
  const { client } = await threeAccounts()
  render(AccountSwitcher, { props: { client } })
  expect(screen.getByText("Loading accounts…")).toBeTruthy()
  await waitFor(() => expect(rows()).toHaveLength(3))
  expect(screen.queryByText("Loading accounts…")).toBeNull()
})

test("switches the active account in the list and in the session", async () => {
  const { client, ada } = await threeAccounts()
  await renderSwitcher(client)
  const button = screen.getByRole("button", { name: "Switch to Ada" }) as HTMLButtonElement
  await fireEvent.click(button)
  await waitFor(() => expect(button.textContent?.trim()).toBe("Switching…"))
  expect(button.disabled).toBe(true)
  await waitFor(() => expect(activeName()).toEqual(["Ada"]))
  await waitFor(() => expect(signedInAs()).toBe("Ada"))
  expect((await serverTruth()).activeUserId).toBe(ada.id)
  expect(screen.queryByRole("button", { name: "Switch to Ada" })).toBeNull()
  expect(screen.getByRole("button", { name: "Switch to Cy" })).toBeTruthy()
})

test("removes an account that is not the active one", async () => {
  const { client } = await threeAccounts()
  await renderSwitcher(client)
  const button = screen.getByRole("button", { name: "Remove Bob" }) as HTMLButtonElement
  await fireEvent.click(button)
  // Core takes the row away at once, before the server has answered.
  expect(rowNames().sort()).toEqual(["Ada", "Cy"])
  await waitFor(async () => expect((await serverTruth()).userIds).toHaveLength(2))
  expect(rowNames().sort()).toEqual(["Ada", "Cy"])
  expect(activeName()).toEqual(["Cy"])
})

test("shows the promoted account after removing the active one", async () => {
  const { client, ada, bob } = await threeAccounts()
  await renderSwitcher(client)
  await fireEvent.click(screen.getByRole("button", { name: "Remove Cy" }))
  // The server picks the account to promote; the page shows it in the list and the session.
  await waitFor(() => expect(["Ada", "Bob"]).toContain(signedInAs()))
  await waitFor(() => expect(activeName()).toEqual([signedInAs()]))
  const { activeUserId } = await serverTruth()
  expect([ada, bob].find((user) => user.id === activeUserId)?.name).toBe(signedInAs())
  expect(rowNames().sort()).toEqual(["Ada", "Bob"])
})

test("empties the list after signing out of all accounts", async () => {
  const { client } = await threeAccounts()
  await renderSwitcher(client)
  await fireEvent.click(screen.getByRole("button", { name: "Sign out of all accounts" }))
  await waitFor(() => expect(screen.getByText("No accounts on this device yet.")).toBeTruthy())
  expect(rows()).toHaveLength(0)
  await waitFor(() => expect(signedInAs()).toBe("Not signed in"))
  expect(await serverTruth()).toEqual({ activeUserId: null, userIds: [] })
})

test("shows an error for a bad token and keeps the list", async () => {
  const { client } = await threeAccounts()
  await renderSwitcher(client)
  const result = await deviceSessions(client).setActive({ sessionToken: "no-such-token" })
  expect(result.error?.code).toBe("INVALID_SESSION_TOKEN")
  const alert = await screen.findByRole("alert")
  expect(alert.textContent?.trim()).toBe("That account was already removed from this device.")
  expect(rowNames().sort()).toEqual(["Ada", "Bob", "Cy"])
  expect(activeName()).toEqual(["Cy"])
  // The page keeps working: a real switch still goes through.
  await fireEvent.click(screen.getByRole("button", { name: "Switch to Bob" }))
  await waitFor(() => expect(activeName()).toEqual(["Bob"]))
})

test("reads as a rune value through fromStore", async () => {
  const { client, ada } = await threeAccounts()
  render(ActiveAccount, { props: { client } })
  await waitFor(() => expect(screen.getByTestId("active-account").textContent).toBe("Cy"))
  expect(screen.getByTestId("other-accounts").textContent).toBe("2 other accounts")
  await client.multiSession.setActive({ userId: ada.id })
  await waitFor(() => expect(screen.getByTestId("active-account").textContent).toBe("Ada"))
})

test("sends one list request for two components", async () => {
  const requests = countingFetch()
  const { client } = await threeAccounts(makeSvelteClient(requests.fetch))
  requests.reset()
  render(ActiveAccount, { props: { client } })
  await renderSwitcher(client)
  await waitFor(() => expect(screen.getByTestId("active-account").textContent).toBe("Cy"))
  expect(requests.count("/multi-session/list-device-sessions")).toBe(1)
})

test("releases the subscription on unmount", async () => {
  const requests = countingFetch()
  const { client } = await threeAccounts(makeSvelteClient(requests.fetch))
  const { $deviceSessions } = getDeviceSessions(client)
  const $session = client.useSession()
  const view = await renderSwitcher(client)
  expect($deviceSessions.lc).toBeGreaterThan(0)
  view.unmount()
  expect($deviceSessions.lc).toBe(0)
  // nanostores keeps a store mounted for 1000 ms after its last listener leaves; then core
  // lets go of better-auth's session store too, and stops listening for window events.
  await new Promise((resolve) => setTimeout(resolve, 1100))
  expect($session.lc).toBe(0)
  requests.reset()
  comeBackOnline()
  await settleSignals()
  expect(requests.count("/multi-session/list-device-sessions")).toBe(0)
})

test("runs the README example as written", async () => {
  const { ada } = await threeAccounts()
  // The README's client is made at import time, for the page's own origin.
  const { default: Accounts } = await import("./readme-check/Accounts.svelte")
  render(Accounts)
  await screen.findByText("2 other accounts on this device")
  const cy = screen.getByRole("button", { name: "Cy" }) as HTMLButtonElement
  expect(cy.disabled).toBe(true)
  await fireEvent.click(screen.getByRole("button", { name: "Ada" }))
  await waitFor(() =>
    expect((screen.getByRole("button", { name: "Ada" }) as HTMLButtonElement).disabled).toBe(true),
  )
  expect((await serverTruth()).activeUserId).toBe(ada.id)
})

test("starts from a server-loaded payload without a list request", async () => {
  const seed = makeSvelteClient()
  await threeAccounts(seed)
  // What a SvelteKit load function hands the page: auth.api's list and session.
  const payload = {
    list: (await seed.multiSession.listDeviceSessions()).data ?? [],
    session: (await seed.getSession()).data,
  }
  const requests = countingFetch()
  const client = makeSvelteClient(requests.fetch)
  render(AccountSwitcher, { props: { client, payload } })
  // The first render already shows the accounts: nothing to load.
  expect(rows()).toHaveLength(3)
  expect(activeName()).toEqual(["Cy"])
  expect(screen.queryByText("Loading accounts…")).toBeNull()
  await settleSignals()
  expect(requests.count("/multi-session/list-device-sessions")).toBe(0)
})

test("shows the account autoSwitch moved to when the active one vanishes", async () => {
  const { createAuthClient } = await import("better-auth/svelte")
  const { autoSwitch, multiSessionClient } = await import("@multisession/core")
  const seen: AutoSwitchChange[] = []
  const client = createAuthClient({
    baseURL: location.origin,
    plugins: [
      multiSessionClient({
        maximumSessions: 3,
        autoSwitch: autoSwitch("first", (change) => seen.push(change)),
      }),
    ],
  })
  const { cy } = await threeAccounts(client as unknown as SvelteAuthClient)
  await renderSwitcher(client as unknown as SvelteAuthClient)
  // Another device revokes Cy, the active account; the tab notices when it regains focus.
  await fetch(`/test/revoke-user?email=${encodeURIComponent(cy.email)}`, { method: "POST" })
  returnToTab()
  await waitFor(() => expect(rows()).toHaveLength(2))
  // The list and better-auth's session both show the account the store switched to.
  await waitFor(() => expect(signedInAs()).not.toBe("Not signed in"))
  await waitFor(() => expect(activeName()).toEqual([signedInAs()]))
  const { activeUserId } = await serverTruth()
  await waitFor(() => expect(seen).toEqual([{ from: cy.id, to: activeUserId }]))
})

test("with fields, tells a subscriber only of changes to those fields", async () => {
  const { client } = await threeAccounts()
  const values: unknown[] = []
  const all: unknown[] = []
  const stopAll = deviceSessions(client).subscribe((value) => all.push(value))
  const stop = deviceSessions(client, { fields: ["data"] }).subscribe((value) => values.push(value))
  await waitFor(() =>
    expect(getDeviceSessions(client).$deviceSessions.get().isRefetching).toBe(false),
  )
  const settledAt = values.length
  // A refresh that finds nothing new: isRefetching goes on and off, data stays the same.
  const before = all.length
  await getDeviceSessions(client).refetch()
  expect(all.length - before).toBe(2)
  expect(values.length).toBe(settledAt)
  stop()
  stopAll()
})
