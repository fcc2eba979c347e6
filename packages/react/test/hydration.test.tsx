import { act, cleanup, screen } from "@testing-library/react"
import type { ReactNode } from "react"
import { hydrateRoot } from "react-dom/client"
import { renderToString } from "react-dom/server"
import { afterEach, beforeEach, expect, test } from "vitest"
import {
  countingFetch,
  makeClient,
  settleSignals,
  signOutAll,
  signUp,
  useServerOrigin,
} from "../../../test/browser"
import { hydrateDeviceSessions } from "../../core/src"
import { MultiSessionProvider, useDeviceSessions } from "../src"
import { AccountSwitcher, makeReactClient } from "./account-switcher"

beforeEach(async () => {
  useServerOrigin()
  await signOutAll()
})

afterEach(cleanup)

/** Ada and Bob signed in, and the payload a server loader reads for this device. */
async function twoAccountsAndPayload() {
  const seed = makeClient()
  await signUp(seed, "Ada")
  await signUp(seed, "Bob")
  const list = (await seed.multiSession.listDeviceSessions()).data
  const session = (await seed.getSession()).data
  return { list, session }
}

/** Puts server HTML in the page and hydrates it, collecting React's mismatch reports. */
async function hydrate(html: string, app: ReactNode) {
  const container = document.createElement("div")
  container.innerHTML = html
  document.body.append(container)
  const mismatches: unknown[] = []
  const root = await act(async () =>
    hydrateRoot(container, app, { onRecoverableError: (error) => mismatches.push(error) }),
  )
  await act(settleSignals)
  return {
    mismatches,
    unmount: () => {
      act(() => root.unmount())
      container.remove()
    },
  }
}

test("hydrates server HTML from a payload without a mismatch or a list request", async () => {
  const payload = await twoAccountsAndPayload()
  const html = renderToString(
    <MultiSessionProvider client={makeReactClient()} payload={payload}>
      <AccountSwitcher />
    </MultiSessionProvider>,
  )
  const requests = countingFetch()
  const browser = makeReactClient(requests.fetch)
  const page = await hydrate(
    html,
    <MultiSessionProvider client={browser} payload={payload}>
      <AccountSwitcher />
    </MultiSessionProvider>,
  )
  expect(page.mismatches).toEqual([])
  expect(screen.getAllByTestId("account").map((li) => li.textContent?.slice(0, 3))).toEqual([
    "Ada",
    "Bob",
  ])
  expect(screen.getByTestId("active-account").textContent).toBe("Bob")
  expect(requests.count("/multi-session/list-device-sessions")).toBe(0)
  page.unmount()
})

test("hydrates server HTML rendered without a payload, then loads the list", async () => {
  const payload = await twoAccountsAndPayload()
  const html = renderToString(
    <MultiSessionProvider client={makeReactClient()}>
      <AccountSwitcher />
    </MultiSessionProvider>,
  )
  expect(html).toContain("Loading accounts…")
  // The browser's store already knows more than the server showed: hydration still renders
  // what the server rendered, and the list follows right after.
  const browser = makeReactClient()
  hydrateDeviceSessions(browser, payload)
  const page = await hydrate(
    html,
    <MultiSessionProvider client={browser}>
      <AccountSwitcher />
    </MultiSessionProvider>,
  )
  expect(page.mismatches).toEqual([])
  expect(screen.getByTestId("active-account").textContent).toBe("Bob")
  page.unmount()
})

function ActiveName({
  client,
  payload,
}: {
  client: ReturnType<typeof makeReactClient>
  payload: Payload
}) {
  const { active, data } = useDeviceSessions(client, { payload })
  return (
    <p data-testid="own-payload">
      {active?.user.name ?? "nobody"} of {data?.length ?? "?"}
    </p>
  )
}
type Payload = Awaited<ReturnType<typeof twoAccountsAndPayload>>

test("hydrates from a payload given to useDeviceSessions itself, without a provider", async () => {
  const payload = await twoAccountsAndPayload()
  const html = renderToString(<ActiveName client={makeReactClient()} payload={payload} />)
  expect(html).toContain("Bob<!-- --> of <!-- -->2")
  const requests = countingFetch()
  const browser = makeReactClient(requests.fetch)
  const page = await hydrate(html, <ActiveName client={browser} payload={payload} />)
  expect(page.mismatches).toEqual([])
  expect(screen.getByTestId("own-payload").textContent).toBe("Bob of 2")
  expect(requests.count("/multi-session/list-device-sessions")).toBe(0)
  page.unmount()
})
