// @vitest-environment node
import { hydrateDeviceSessions } from "@multisession/core"
import { render } from "svelte/server"
import { expect, test } from "vitest"
import { loadPayload } from "../../../test/server-payload"
import AccountSwitcher from "./AccountSwitcher.svelte"
import { makeSvelteClient } from "./auth-client"

// One client serving every request, as a module-level `authClient` does in SvelteKit.
function sharedClient() {
  const calls: string[] = []
  const client = makeSvelteClient((input, init) => {
    calls.push(String(input))
    return fetch(input, init)
  })
  return { client, calls }
}

// What a load function reads with auth.api.getSession / listDeviceSessions for Ada.
function ada() {
  const now = new Date()
  const times = { createdAt: now, updatedAt: now }
  return {
    session: { id: "s1", token: "t1", userId: "ada", expiresAt: now, ...times },
    user: {
      id: "ada",
      name: "Ada",
      email: "ada@example.com",
      emailVerified: false,
      plan: "free",
      ...times,
    },
  }
}

test("renders on the server without a request", () => {
  const { client, calls } = sharedClient()
  const { body } = render(AccountSwitcher, { props: { client } })
  expect(body).toContain("Loading accounts…")
  expect(body).toContain("Not signed in")
  expect(calls).toEqual([])
})

test("shows one request's accounts to no other request", () => {
  const { client, calls } = sharedClient()
  // Request one hands its accounts to the client; request two renders with the same client.
  hydrateDeviceSessions(client, { list: [ada()], session: ada() })
  const { body } = render(AccountSwitcher, { props: { client } })
  expect(body).not.toContain("Ada")
  expect(body).toContain("Loading accounts…")
  expect(calls).toEqual([])
})

test("renders a server-loaded payload for that request only", async () => {
  const { client, calls } = sharedClient()
  const first = await loadPayload(["Ada", "Bob"])
  const second = await loadPayload(["Cy"])
  const one = render(AccountSwitcher, { props: { client, payload: first } }).body
  const two = render(AccountSwitcher, { props: { client, payload: second } }).body
  const three = render(AccountSwitcher, { props: { client } }).body
  expect(one).toContain("Ada")
  expect(one).toContain("Bob")
  expect(one).not.toContain("Loading accounts…")
  expect(two).toContain("Cy")
  expect(two).not.toContain("Ada")
  expect(three).not.toContain("Ada")
  expect(three).toContain("Loading accounts…")
  expect(calls).toEqual([])
})
