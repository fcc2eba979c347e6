import { cleanup, render, screen, waitFor } from "@solidjs/testing-library"
import { afterEach, beforeEach, expect, inject, test } from "vitest"
import {
  countingFetch,
  makeClient,
  serverTruth,
  signOutAll,
  useServerOrigin,
} from "../../../test/browser"
import {
  expectFollowed,
  followTheSwitch,
  notes,
  recordFrames,
} from "../../../test/follow-the-switch"
import { autoSwitch } from "../../core/src"
import { AccountBoundary, MultiSessionProvider, onAccountChange, useAccountKey } from "../src"
import { FollowPage, QueryClient } from "./FollowPage"
import { makeSolidClient, signUp } from "./solid-client"

beforeEach(async () => {
  useServerOrigin(inject("roomyAuthURL"))
  await signOutAll()
  notes.requests = 0
})
afterEach(cleanup)

const makeClientWithRecovery = () =>
  makeSolidClient(fetch, {
    baseURL: inject("roomyAuthURL"),
    maximumSessions: 64,
    autoSwitch: autoSwitch("first"),
  })
const otherTab = () => makeClient({ maximumSessions: 64 }, fetch, inject("roomyAuthURL"))

function renderPage(client: ReturnType<typeof makeClientWithRecovery>) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  render(() => <FollowPage client={client} queryClient={queryClient} />)
  return queryClient
}

test("no frame shows one account's name beside another's notes, over 50 account changes", async () => {
  const client = makeClientWithRecovery()
  const accounts = [
    await signUp(client, "Ada"),
    await signUp(client, "Bob"),
    await signUp(client, "Cy"),
  ]
  const recorder = recordFrames(document.body)
  const queryClient = renderPage(client)
  const run = await followTheSwitch({ client, otherTab: otherTab(), accounts, queryClient })
  recorder.stop()
  expectFollowed(run, recorder.frames)
}, 60_000)

test("remounts its children on an account change, so their state starts afresh; the cache recipe", async () => {
  const client = makeClientWithRecovery()
  const ada = await signUp(client, "Ada")
  const bob = await signUp(client, "Bob")
  const queryClient = renderPage(client)
  const stop = onAccountChange(client, () => queryClient.clear())
  await waitFor(() => expect(screen.getByTestId("notes").dataset.owner).toBe("Bob"))
  expect(screen.getByTestId("draft").textContent).toBe(bob.id)
  // switched in another tab: nothing here is pending, the key alone remounts
  await otherTab().multiSession.setActive({ userId: ada.id })
  await waitFor(() => expect(screen.getByTestId("notes").dataset.owner).toBe("Ada"))
  expect(screen.getByTestId("draft").textContent).toBe(ada.id)
  expect(
    queryClient
      .getQueryCache()
      .getAll()
      .map((query) => query.queryKey),
  ).toEqual([["notes", ada.id]])
  expect(notes.requests).toBe(2)
  expect((await serverTruth()).activeUserId).toBe(ada.id)
  stop()
})

test("starts from the provider's payload: the boundary shows its children at once, without a list request", async () => {
  useServerOrigin()
  const seed = makeSolidClient()
  await signUp(seed, "Ada")
  const bob = await signUp(seed, "Bob")
  // What a server route reads with auth.api for this device.
  const payload = {
    list: (await seed.multiSession.listDeviceSessions()).data ?? [],
    session: (await seed.getSession()).data,
  }
  const requests = countingFetch()
  const client = makeSolidClient(requests.fetch)
  render(() => (
    <MultiSessionProvider client={client} payload={payload as never}>
      <AccountBoundary fallback={<p>Loading…</p>}>
        <p data-testid="inside">{useAccountKey()()}</p>
      </AccountBoundary>
    </MultiSessionProvider>
  ))
  expect(screen.getByTestId("inside").textContent).toBe(bob.id)
  // a request of our own as a fence: whatever the render set off was sent before its answer
  await client.getSession()
  expect(requests.count("/multi-session/list-device-sessions")).toBe(0)
})
