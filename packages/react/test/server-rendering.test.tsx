// @vitest-environment node
import { renderToString } from "react-dom/server"
import { expect, inject, test } from "vitest"
import { newEmail, PASSWORD } from "../../../test/browser"
import { getDeviceSessions } from "../../core/src"
import { MultiSessionProvider } from "../src"
import { AccountSwitcher, makeReactClient, WhoAmI } from "./account-switcher"

function countingClient() {
  const calls: string[] = []
  const client = makeReactClient((input, init) => {
    calls.push(String(input instanceof Request ? input.url : input))
    return fetch(input, init)
  })
  return { client, calls }
}

/** What a server route loads for a request: the device's list and session, by its cookies. */
async function loadPayload() {
  const url = inject("authURL")
  const signUp = await fetch(`${url}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ email: newEmail("ada"), password: PASSWORD, name: "Ada" }),
  })
  const cookie = signUp.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ")
  const read = async (path: string) =>
    (await fetch(`${url}/api/auth${path}`, { headers: { cookie } })).json()
  return {
    list: await read("/multi-session/list-device-sessions"),
    session: await read("/get-session"),
  }
}

// A request of our own as a fence: whatever the render set off was sent before its answer.
const fence = async (client: ReturnType<typeof makeReactClient>, calls: string[]) => {
  await client.getSession()
  expect(calls.pop()).toMatch(/\/get-session$/)
}

test("renders the loading state on the server without a request", async () => {
  const { client, calls } = countingClient()
  const html = renderToString(
    <MultiSessionProvider client={client}>
      <AccountSwitcher />
      <WhoAmI client={client} />
    </MultiSessionProvider>,
  )
  await fence(client, calls)
  expect(html).toContain("Loading accounts…")
  expect(calls).toEqual([])
})

test("renders a payload on the server and keeps the shared client empty", async () => {
  const payload = await loadPayload()
  const { client, calls } = countingClient()
  const html = renderToString(
    <MultiSessionProvider client={client} payload={payload}>
      <AccountSwitcher />
    </MultiSessionProvider>,
  )
  await fence(client, calls)
  expect(html).toContain("Ada")
  expect(html).toContain('data-active="true"')
  expect(html).not.toContain("Loading accounts…")
  expect(calls).toEqual([])
  // One server client serves every request: one visitor's accounts must not stay in it.
  expect(getDeviceSessions(client).$deviceSessions.get().data).toBeNull()
})
