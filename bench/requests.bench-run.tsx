// Requests per operation, ours against the baseline, on the same real server. Each app gets
// a fresh auth client whose fetch is counted; the device's accounts are set up beforehand.
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react"
import { afterAll, afterEach, expect, test } from "vitest"
import { createBaselineApp } from "./apps/baseline"
import { createOursApp } from "./apps/ours"
import type { BenchApp } from "./apps/types"
import {
  activeName,
  freshDevice,
  listedNames,
  PASSWORD,
  serverOrigin,
  shows,
  sleep,
} from "./lib/device"
import { countRequests, type RequestCount, type RequestCounter } from "./lib/requests"
import { writeResult } from "./lib/results"

const builders = { ours: createOursApp, baseline: createBaselineApp }
type Side = keyof typeof builders

interface Row {
  id: string
  operation: string
  ours: RequestCount
  baseline: RequestCount
  note?: string
}
const rows: Row[] = []

afterEach(cleanup)
afterAll(() => writeResult("requests", { rows }))

/** Builds one side's app with a counted fetch. */
function app(side: Side): { app: BenchApp; requests: RequestCounter } {
  const requests = countRequests()
  return { app: builders[side]({ baseURL: serverOrigin(), fetch: requests.fetch }), requests }
}

/** Mounts the switcher and better-auth's useSession() sibling, and waits for `active`. */
async function mountSwitcher(side: Side, active: string) {
  const built = app(side)
  const { Switcher, WhoAmI } = built.app
  render(
    built.app.root(
      <>
        <Switcher />
        <WhoAmI />
      </>,
    ),
  )
  await shows(active)
  await built.requests.idle()
  return built
}

/** Runs `operation` on each side in turn, counting from its start until the network is quiet. */
async function compare(
  id: string,
  operation: string,
  run: (side: Side) => Promise<RequestCounter>,
  note?: string,
) {
  const counts = {} as Record<Side, RequestCount>
  for (const side of ["ours", "baseline"] as const) {
    const requests = await run(side)
    await requests.idle()
    counts[side] = requests.snapshot()
    cleanup()
  }
  rows.push({ id, operation, ...counts, ...(note ? { note } : {}) })
  return counts
}

for (const subscribers of [1, 10, 100]) {
  test(`mount with ${subscribers} subscribers`, async () => {
    const counts = await compare(
      `mount-${subscribers}`,
      `mount, ${subscribers} subscriber${subscribers > 1 ? "s" : ""}`,
      async (side) => {
        await freshDevice(["Ada", "Bob"])
        const { app: built, requests } = app(side)
        const { Subscriber } = built
        render(
          built.root(
            Array.from({ length: subscribers }, (_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: identical, static subscribers
              <Subscriber key={i} />
            )),
          ),
        )
        await waitFor(() => expect(screen.getAllByText("Bob")).toHaveLength(subscribers), {
          timeout: 10_000,
        })
        return requests
      },
    )
    expect(counts.ours.total).toBeLessThanOrEqual(counts.baseline.total)
    // One request per resource, however many components listen.
    expect(counts.ours.byPath).toEqual({
      "/get-session": 1,
      "/multi-session/list-device-sessions": 1,
    })
  })
}

test("switch", async () => {
  const counts = await compare("switch", "switch account", async (side) => {
    await freshDevice(["Ada", "Bob", "Cy"])
    const { requests } = await mountSwitcher(side, "Cy")
    requests.reset()
    fireEvent.click(screen.getByRole("button", { name: "Switch to Ada" }))
    await shows("Ada", () => screen.getByTestId("session-user").textContent === "Ada")
    return requests
  })
  expect(counts.ours.total).toBeLessThanOrEqual(counts.baseline.total)
})

test("revoke another account", async () => {
  const counts = await compare("revoke", "remove another account", async (side) => {
    await freshDevice(["Ada", "Bob", "Cy"])
    const { requests } = await mountSwitcher(side, "Cy")
    requests.reset()
    fireEvent.click(screen.getByRole("button", { name: "Remove Bob" }))
    await shows("Cy", () => !listedNames().includes("Bob"))
    return requests
  })
  expect(counts.ours.total).toBeLessThanOrEqual(counts.baseline.total)
})

test("revoke the active account", async () => {
  const counts = await compare(
    "revoke-active",
    "remove the active account",
    async (side) => {
      await freshDevice(["Ada", "Bob", "Cy"])
      const { requests } = await mountSwitcher(side, "Cy")
      requests.reset()
      fireEvent.click(screen.getByRole("button", { name: "Remove Cy" }))
      await waitFor(
        () => {
          const name = activeName()
          if (name !== "Ada" && name !== "Bob") throw new Error(`shown: ${name}`)
          if (screen.getByTestId("session-user").textContent !== name) throw new Error("session")
          if (listedNames().includes("Cy")) throw new Error("Cy still listed")
        },
        { timeout: 10_000 },
      )
      return requests
    },
    "the server promotes another account; the baseline refetches the session by hand",
  )
  expect(counts.ours.total).toBeLessThanOrEqual(counts.baseline.total)
})

test("sign-in of another account", async () => {
  const counts = await compare("sign-in", "sign in another account", async (side) => {
    // Dee has an account, but is not signed in on this device.
    const { Dee } = await freshDevice(["Dee"])
    await freshDevice(["Ada", "Bob"])
    const { app: built, requests } = await mountSwitcher(side, "Bob")
    requests.reset()
    await built.signIn(Dee as string, PASSWORD)
    await shows("Dee", () => listedNames().includes("Dee"))
    return requests
  })
  expect(counts.ours.total).toBeLessThanOrEqual(counts.baseline.total)
})

test("sign-out of all accounts", async () => {
  const counts = await compare("sign-out", "sign out of all accounts", async (side) => {
    await freshDevice(["Ada", "Bob"])
    const { app: built, requests } = await mountSwitcher(side, "Bob")
    requests.reset()
    await built.signOut()
    await waitFor(
      () => {
        if (activeName() !== "Not signed in" || listedNames().length) throw new Error("signed in")
      },
      { timeout: 10_000 },
    )
    return requests
  })
  expect(counts.ours.total).toBeLessThanOrEqual(counts.baseline.total)
})

test("100 focus events in one second", async () => {
  const counts = await compare(
    "focus",
    "100 focus events in 1 s",
    async (side) => {
      await freshDevice(["Ada", "Bob"])
      const { requests } = await mountSwitcher(side, "Bob")
      // Both sides rate-limit focus refetches for 5 s after they start: come back later,
      // as a user does.
      await sleep(5_100)
      requests.reset()
      // What the browser fires when the user returns to the tab.
      for (let i = 0; i < 100; i++) {
        document.dispatchEvent(new Event("visibilitychange", { bubbles: true }))
        window.dispatchEvent(new Event("focus"))
        await sleep(10)
      }
      return requests
    },
    "each event: visibilitychange on document + focus on window, 10 ms apart, 5 s after mount",
  )
  expect(counts.ours.total).toBeLessThanOrEqual(counts.baseline.total)
})
