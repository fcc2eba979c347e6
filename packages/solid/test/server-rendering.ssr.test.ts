// A server render in Node's own realm, with Solid's server build: no DOM, no window. Its own
// Vitest project (vitest.ssr.config.ts): Solid's Vite plugin would resolve the browser build.
import { createComponent } from "solid-js"
import { renderToString } from "solid-js/web"
import { expect, test } from "vitest"
import { loadPayload } from "../../../test/server-payload"
import { getDeviceSessions } from "../../core/src"
import { AccountBoundary, MultiSessionProvider, useAccountKey, useDeviceSessions } from "../src"
import { makeSolidClient } from "./solid-client"

function Summary() {
  const accounts = useDeviceSessions()
  const accountKey = useAccountKey()
  return `${accounts.data?.length ?? "no"} accounts, ${accounts.active?.user.name ?? "nobody"} active (${accountKey()})`
}

const page = (client: ReturnType<typeof makeSolidClient>, payload: unknown) => () =>
  createComponent(MultiSessionProvider, {
    client,
    payload: payload as never,
    get children() {
      return createComponent(AccountBoundary, {
        fallback: "Loading…",
        get children() {
          return createComponent(Summary, {})
        },
      })
    },
  })

test("renders a server-loaded payload in Node without a request, and leaves the shared client's store empty", async () => {
  const calls: string[] = []
  const client = makeSolidClient((input, init) => {
    calls.push(String(input))
    return fetch(input, init)
  })
  const payload = await loadPayload(["Ada", "Bob"])
  const html = renderToString(page(client, payload))
  expect(html).toContain(`2 accounts, Bob active (${payload.session.user.id})`)
  expect(calls).toEqual([])
  // one client serves many requests on a server: this request's payload stays out of it
  expect(getDeviceSessions(client).$deviceSessions.get().data).toBeNull()
})

test("renders the fallback on the server when there is no payload", () => {
  const client = makeSolidClient()
  expect(renderToString(page(client, null))).toBe("Loading…")
})
