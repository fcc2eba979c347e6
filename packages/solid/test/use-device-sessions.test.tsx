import { cleanup, fireEvent, render, screen, waitFor } from "@solidjs/testing-library"
import { createEffect } from "solid-js"
import { afterEach, beforeEach, expect, test } from "vitest"
import { countingFetch, serverTruth, signOutAll, useServerOrigin } from "../../../test/browser"
import { getDeviceSessions } from "../../core/src"
import { MultiSessionProvider, useDeviceSessions } from "../src"
import { AccountList, ran, runs } from "./AccountList"
import { makeSolidClient, signUp } from "./solid-client"

beforeEach(async () => {
  useServerOrigin()
  await signOutAll()
  runs.clear()
})
afterEach(cleanup)

const settled = (client: ReturnType<typeof makeSolidClient>) =>
  waitFor(() => {
    const state = getDeviceSessions(client).$deviceSessions.get()
    if (state.isPending || state.isRefetching || state.switching) throw new Error("busy")
  })

async function twoAccounts() {
  const requests = countingFetch()
  const client = makeSolidClient(requests.fetch)
  const ada = await signUp(client, "Ada")
  const bob = await signUp(client, "Bob")
  return { client, requests, ada, bob }
}

test("lists the device's accounts and switches with one click, in the session and on the server", async () => {
  const { client, requests, ada } = await twoAccounts()
  render(() => <AccountList client={client} />)
  await waitFor(() => expect(screen.getAllByTestId("account")).toHaveLength(2))
  expect(screen.getByTestId("active").textContent).toBe("Bob")
  await settled(client)
  requests.reset()
  fireEvent.click(screen.getByRole("button", { name: "Switch to Ada" }))
  // marked at once, before the server answers
  expect(screen.getByTestId("active").textContent).toBe("Ada")
  await settled(client)
  expect((await serverTruth()).activeUserId).toBe(ada.id)
  expect(client.useSession()().data?.user.id).toBe(ada.id)
  // set-active, then the session alone: the list is the one known
  expect(requests.calls).toEqual(["/multi-session/set-active", "/get-session"])
})

test("is fine-grained: what reads only `data` does not run again for `isRefetching`", async () => {
  const { client, ada } = await twoAccounts()
  function Probe() {
    const accounts = useDeviceSessions(client)
    createEffect(() => {
      accounts.data
      ran("data")
    })
    createEffect(() => {
      accounts.isRefetching
      ran("isRefetching")
    })
    return null
  }
  render(() => <Probe />)
  await waitFor(() => expect(getDeviceSessions(client).$deviceSessions.get().data).toHaveLength(2))
  await settled(client)
  runs.clear()
  await client.multiSession.setActive({ userId: ada.id })
  // the list changes once (Ada marked active, at once), the refetch flag twice (on, off)
  expect(runs.get("data")).toBe(1)
  expect(runs.get("isRefetching")).toBe(2)
})

test("reads the client from <MultiSessionProvider>, and says what is missing without one", async () => {
  const { client } = await twoAccounts()
  render(() => (
    <MultiSessionProvider client={client}>
      <AccountList />
    </MultiSessionProvider>
  ))
  await waitFor(() => expect(screen.getAllByTestId("account")).toHaveLength(2))
  cleanup()
  expect(() => render(() => <AccountList />)).toThrow(
    /<MultiSessionProvider client=\{authClient\}>/,
  )
})

test("shows a refused switch's error and keeps the list as it was", async () => {
  const { client } = await twoAccounts()
  render(() => <AccountList client={client} />)
  await waitFor(() => expect(screen.getAllByTestId("account")).toHaveLength(2))
  const before = getDeviceSessions(client).$deviceSessions.get().data
  const { error } = await client.multiSession.setActive({
    sessionToken: "not-a-token-of-this-device",
  })
  expect(error?.code).toBe("INVALID_SESSION_TOKEN")
  expect(screen.getByRole("alert").textContent).toBe("INVALID_SESSION_TOKEN")
  expect(getDeviceSessions(client).$deviceSessions.get().data).toBe(before)
  expect(screen.getByTestId("active").textContent).toBe("Bob")
})
