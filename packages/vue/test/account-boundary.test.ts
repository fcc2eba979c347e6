import { QueryClient, VueQueryPlugin } from "@tanstack/vue-query"
import { cleanup, render, screen } from "@testing-library/vue"
import { afterEach, beforeEach, expect, inject, test } from "vitest"
import { defineComponent, h } from "vue"
import { countingFetch, signOutAll, useServerOrigin } from "../../../test/browser"
import {
  expectFreshAfterOtherTabSwitch,
  notes,
  proveFollowing,
} from "../../../test/follow-the-switch"
import { autoSwitch } from "../../core/src"
import { AccountBoundary, multiSession, useAccountKey } from "../src"
import FollowPage from "./FollowPage.vue"
import { makeVueClient, signUp } from "./vue-client"

beforeEach(async () => {
  useServerOrigin(inject("roomyAuthURL"))
  await signOutAll()
  notes.requests = 0
})
afterEach(() => cleanup())

const makeClientWithRecovery = () =>
  makeVueClient(fetch, {
    baseURL: inject("roomyAuthURL"),
    maximumSessions: 64,
    autoSwitch: autoSwitch("first"),
  })

function renderPage(client: ReturnType<typeof makeClientWithRecovery>) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  render(FollowPage, {
    global: {
      plugins: [
        [VueQueryPlugin, { queryClient }],
        [multiSession, { client }],
      ],
    },
  })
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

test("remounts its slot on an account change, so its state starts afresh; the cache recipe", async () => {
  const client = makeClientWithRecovery()
  const ada = await signUp(client, "Ada")
  const bob = await signUp(client, "Bob")
  const queryClient = renderPage(client)
  await expectFreshAfterOtherTabSwitch({ client, queryClient, ada, bob })
})

test("starts from the provided payload: the boundary shows its slot at once, without a list request", async () => {
  useServerOrigin()
  const seed = makeVueClient()
  await signUp(seed, "Ada")
  const bob = await signUp(seed, "Bob")
  // What a server route reads with auth.api for this device.
  const payload = {
    list: (await seed.multiSession.listDeviceSessions()).data ?? [],
    session: (await seed.getSession()).data,
  }
  const requests = countingFetch()
  const client = makeVueClient(requests.fetch)
  const Inside = defineComponent(() => {
    const accountKey = useAccountKey()
    return () => h("p", { "data-testid": "inside" }, accountKey.value ?? "")
  })
  const Page = defineComponent(
    () => () =>
      h(AccountBoundary, null, { default: () => h(Inside), fallback: () => h("p", "Loading…") }),
  )
  render(Page, { global: { plugins: [[multiSession, { client, payload }]] } })
  expect(screen.getByTestId("inside").textContent).toBe(bob.id)
  // a request of our own as a fence: whatever the render set off was sent before its answer
  await client.getSession()
  expect(requests.count("/multi-session/list-device-sessions")).toBe(0)
})
