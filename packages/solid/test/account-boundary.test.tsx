import { cleanup, render, screen } from "@solidjs/testing-library"
import { afterEach, beforeEach, expect, inject, test } from "vitest"
import { countingFetch, signOutAll, useServerOrigin } from "../../../test/browser"
import {
  expectFreshAfterOtherTabSwitch,
  notes,
  proveFollowing,
} from "../../../test/follow-the-switch"
import { autoSwitch } from "../../core/src"
import { AccountBoundary, MultiSessionProvider, useAccountKey } from "../src"
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

function renderPage(client: ReturnType<typeof makeClientWithRecovery>) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  render(() => <FollowPage client={client} queryClient={queryClient} />)
  return queryClient
}

test("no frame shows one account's name beside another's notes, over 50 account changes", async () => {
  const client = makeClientWithRecovery()
  await proveFollowing({
    client,
    signUp: (name) => signUp(client, name),
    renderPage: () => renderPage(client),
  })
}, 60_000)

test("remounts its children on an account change, so their state starts afresh; the cache recipe", async () => {
  const client = makeClientWithRecovery()
  const ada = await signUp(client, "Ada")
  const bob = await signUp(client, "Bob")
  const queryClient = renderPage(client)
  await expectFreshAfterOtherTabSwitch({ client, queryClient, ada, bob })
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
