import { QueryClient } from "@tanstack/svelte-query"
import { cleanup, render } from "@testing-library/svelte"
import { afterEach, beforeEach, inject, test } from "vitest"
import { signOutAll, useServerOrigin } from "../../../test/browser"
import {
  expectFreshAfterOtherTabSwitch,
  notes,
  proveFollowing,
} from "../../../test/follow-the-switch"
import { autoSwitch } from "../../core/src"
import { makeSvelteClient, signUp } from "./auth-client"
import FollowPage from "./FollowPage.svelte"

beforeEach(async () => {
  useServerOrigin(inject("roomyAuthURL"))
  await signOutAll()
  notes.requests = 0
})
afterEach(() => cleanup())

const makeClientWithRecovery = () =>
  makeSvelteClient(fetch, {
    baseURL: inject("roomyAuthURL"),
    maximumSessions: 64,
    autoSwitch: autoSwitch("first"),
  })

function renderPage(client: ReturnType<typeof makeClientWithRecovery>) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  render(FollowPage, { client, queryClient })
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

test("{#key $key} remounts on an account change, so state starts afresh; the cache recipe", async () => {
  const client = makeClientWithRecovery()
  const ada = await signUp(client, "Ada")
  const bob = await signUp(client, "Bob")
  const queryClient = renderPage(client)
  await expectFreshAfterOtherTabSwitch({ client, queryClient, ada, bob })
})
