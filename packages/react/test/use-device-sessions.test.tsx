import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react"
import { afterEach, beforeEach, expect, test, vi } from "vitest"
import {
  comeBackOnline,
  countingFetch,
  makeClient,
  serverTruth,
  settleSignals,
  signOutAll,
  signUp as signUpVanilla,
  useServerOrigin,
} from "../../../test/browser"
import { getDeviceSessions, type MultiSessionAuthClient } from "../../core/src"
import { MultiSessionProvider } from "../src"
import {
  AccountCount,
  AccountSwitcher,
  lastAction,
  makeReactClient,
  renders,
  signUp,
  WhoAmI,
} from "./account-switcher"

// Measured against the real server, and held exactly. A switch renders the switcher 4 times:
// the optimistic answer, the refetch starting, the refetch settling, `switching` cleared; a
// removal of another account 3 (the entry dropped at once, the list without it once the
// server has answered, `revoking` cleared: no refetch). A binding that rendered per request
// or per store key would render more; one that missed a state, less.
const SWITCHER_RENDERS_PER_SWITCH = 4
const SWITCHER_RENDERS_PER_REVOKE = 3

beforeEach(async () => {
  useServerOrigin()
  await signOutAll()
  renders.clear()
})

afterEach(cleanup)

const accountNames = () =>
  screen.queryAllByTestId("account").map((li) => li.querySelector("span")?.textContent)
const activeAccount = () => screen.getByTestId("active-account").textContent
const sessionUser = () => screen.getByTestId("session-user").textContent
const rowOf = (name: string) =>
  screen.getAllByTestId("account").find((li) => li.querySelector("span")?.textContent === name)

/** Waits until the store has nothing in flight, then lets better-auth's late signals pass. */
async function settle(client: MultiSessionAuthClient) {
  const { $deviceSessions } = getDeviceSessions(client)
  await waitFor(() => {
    const state = $deviceSessions.get()
    if (state.isPending || state.isRefetching || state.switching || state.revoking.length) {
      throw new Error("still loading")
    }
  })
  await act(settleSignals)
}

async function threeAccounts() {
  const requests = countingFetch()
  const client = makeReactClient(requests.fetch)
  const ada = await signUp(client, "Ada")
  const bob = await signUp(client, "Bob")
  const cy = await signUp(client, "Cy")
  const view = render(
    <MultiSessionProvider client={client}>
      <AccountSwitcher />
      <WhoAmI client={client} />
      <AccountCount />
    </MultiSessionProvider>,
  )
  await screen.findByText("Ada")
  await settle(client)
  return { client, requests, view, ada, bob, cy }
}

test("lists three signed-in accounts with the active one marked", async () => {
  await threeAccounts()
  expect(accountNames().sort()).toEqual(["Ada", "Bob", "Cy"])
  expect(activeAccount()).toBe("Cy")
  expect(rowOf("Cy")?.dataset.active).toBe("true")
  expect(rowOf("Ada")?.dataset.active).toBe("false")
  expect(sessionUser()).toBe("Cy")
})

test("switches the account in the list and in better-auth's useSession", async () => {
  const { client, ada } = await threeAccounts()
  fireEvent.click(screen.getByRole("button", { name: "Switch to Ada" }))
  await act(() => lastAction)
  await settle(client)
  expect(activeAccount()).toBe("Ada")
  expect(rowOf("Ada")?.dataset.active).toBe("true")
  expect(rowOf("Cy")?.dataset.active).toBe("false")
  expect(sessionUser()).toBe("Ada")
  expect((await serverTruth()).activeUserId).toBe(ada.id)
})

test("shows the switch as pending until the server answers", async () => {
  const { client } = await threeAccounts()
  fireEvent.click(screen.getByRole("button", { name: "Switch to Bob" }))
  const pending = await screen.findByText("Switching…")
  expect(pending.getAttribute("aria-label")).toBe("Switch to Bob")
  expect((pending as HTMLButtonElement).disabled).toBe(true)
  expect(rowOf("Bob")?.dataset.active).toBe("true")
  await act(() => lastAction)
  await settle(client)
  expect(screen.queryByRole("button", { name: "Switch to Bob" })).toBeNull()
  expect(activeAccount()).toBe("Bob")
})

test("renders each subscriber a bounded number of times per switch", async () => {
  const { client } = await threeAccounts()
  renders.clear()
  fireEvent.click(screen.getByRole("button", { name: "Switch to Ada" }))
  await act(() => lastAction)
  await settle(client)
  expect(activeAccount()).toBe("Ada")
  expect(renders.get("switcher")).toBe(SWITCHER_RENDERS_PER_SWITCH)
  // Ada's row: marked active and pending at once, then no longer pending; Cy's row: no longer
  // active, once. Bob was neither active before nor after: his memoized row never
  // renders.
  expect(renders.get("row:Ada")).toBe(2)
  expect(renders.get("row:Cy")).toBe(1)
  expect(renders.get("row:Bob") ?? 0).toBe(0)
  // A component that asked for `data` only renders once: the entries' active flags changed.
  expect(renders.get("account-count")).toBe(1)
  expect(screen.getByTestId("account-count").textContent).toBe("3 accounts")
})

test("removes an account from the list", async () => {
  const { client, bob } = await threeAccounts()
  fireEvent.click(screen.getByRole("button", { name: "Remove Bob" }))
  await act(() => lastAction)
  await settle(client)
  expect(accountNames().sort()).toEqual(["Ada", "Cy"])
  expect(activeAccount()).toBe("Cy")
  expect(sessionUser()).toBe("Cy")
  expect((await serverTruth()).userIds).not.toContain(bob.id)
})

test("renders each subscriber a bounded number of times per revoke", async () => {
  const { client } = await threeAccounts()
  renders.clear()
  fireEvent.click(screen.getByRole("button", { name: "Remove Bob" }))
  await act(() => lastAction)
  await settle(client)
  expect(accountNames()).not.toContain("Bob")
  expect(renders.get("switcher")).toBe(SWITCHER_RENDERS_PER_REVOKE)
  // The rows that stay did not change: neither renders. `data` changed twice: Bob dropped at
  // once, then the known list without him, once the server said yes.
  expect(renders.get("row:Ada") ?? 0).toBe(0)
  expect(renders.get("row:Cy") ?? 0).toBe(0)
  expect(renders.get("account-count")).toBe(2)
})

test("shows the account the server promoted when the active one is removed", async () => {
  const { client, ada, bob } = await threeAccounts()
  fireEvent.click(screen.getByRole("button", { name: "Remove Cy" }))
  await act(() => lastAction)
  await settle(client)
  const truth = await serverTruth()
  const promoted = [ada, bob].find((account) => account.id === truth.activeUserId)
  expect(promoted).toBeDefined()
  expect(accountNames().sort()).toEqual(["Ada", "Bob"])
  expect(activeAccount()).toBe(promoted?.name)
  expect(rowOf(promoted?.name ?? "")?.dataset.active).toBe("true")
  expect(sessionUser()).toBe(promoted?.name)
})

test("empties the list after signing out of all accounts", async () => {
  const { client } = await threeAccounts()
  fireEvent.click(screen.getByRole("button", { name: "Sign out of all accounts" }))
  await screen.findByText("No accounts on this device yet.")
  await settle(client)
  expect(accountNames()).toEqual([])
  expect(activeAccount()).toBe("Not signed in")
  expect(sessionUser()).toBe("Not signed in")
  expect(await serverTruth()).toEqual({ activeUserId: null, userIds: [] })
})

test("shows an error for an account already removed elsewhere and keeps the others", async () => {
  const { client } = await threeAccounts()
  const bob = getDeviceSessions(client)
    .$deviceSessions.get()
    .data?.find((entry) => entry.user.name === "Bob")
  // Another tab removes Bob with a bare request: this page does not hear of it.
  await fetch("/api/auth/multi-session/revoke", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ sessionToken: bob?.session.token }),
  })
  fireEvent.click(screen.getByRole("button", { name: "Remove Bob" }))
  await act(() => lastAction)
  await settle(client)
  expect(screen.getByRole("alert").textContent).toBe(
    "That account was already removed from this device.",
  )
  expect(accountNames().sort()).toEqual(["Ada", "Cy"])
  expect(activeAccount()).toBe("Cy")
})

test("releases the store when the last component unmounts", async () => {
  const requests = countingFetch()
  const client = makeReactClient(requests.fetch)
  await signUp(client, "Ada")
  const { $deviceSessions } = getDeviceSessions(client)
  const view = render(
    <MultiSessionProvider client={client}>
      <AccountSwitcher />
      <AccountSwitcher />
    </MultiSessionProvider>,
  )
  await settle(client)
  expect($deviceSessions.lc).toBe(2)
  const list = "/multi-session/list-device-sessions"
  requests.reset()
  comeBackOnline()
  await settle(client)
  expect(requests.count(list)).toBe(1)
  view.unmount()
  expect($deviceSessions.lc).toBe(0)
  // After nanostores' unmount delay the store stops listening: going online fetches no list.
  await new Promise((resolve) => setTimeout(resolve, 1100))
  requests.reset()
  comeBackOnline()
  await settleSignals()
  expect(requests.count(list)).toBe(0)
})

test("throws a clear error without a provider or a client", () => {
  const quiet = vi.spyOn(console, "error").mockImplementation(() => {})
  expect(() => render(<AccountSwitcher />)).toThrow(
    /useDeviceSessions\(\) needs a <MultiSessionProvider client=\{authClient\}>.*client as argument/,
  )
  quiet.mockRestore()
})

test("works with the vanilla better-auth/client client passed as argument", async () => {
  const client = makeClient({ maximumSessions: 3 })
  const ada = await signUpVanilla(client, "Ada")
  await signUpVanilla(client, "Bob")
  render(<AccountSwitcher client={client} />)
  await screen.findByText("Ada")
  await settle(client)
  expect(activeAccount()).toBe("Bob")
  fireEvent.click(within(screen.getByRole("list")).getByRole("button", { name: "Switch to Ada" }))
  await act(() => lastAction)
  await settle(client)
  expect(activeAccount()).toBe("Ada")
  expect(client.useSession.get().data?.user.id).toBe(ada.id)
  expect((await serverTruth()).activeUserId).toBe(ada.id)
})
