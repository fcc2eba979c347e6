// React renders per switch and per revoke, ours against the baseline, counted in each
// component's body while the real server answers.
import { cleanup, fireEvent, render, screen } from "@testing-library/react"
import { afterAll, afterEach, expect, test } from "vitest"
import { createBaselineApp } from "./apps/baseline"
import { createOursApp } from "./apps/ours"
import { freshDevice, listedNames, serverOrigin, shows } from "./lib/device"
import { countRequests } from "./lib/requests"
import { writeResult } from "./lib/results"

const builders = { ours: createOursApp, baseline: createBaselineApp }
type Side = keyof typeof builders
const SIDES = ["ours", "baseline"] as const

const SWITCHES = ["Ada", "Bob", "Cy", "Ada", "Bob", "Cy"]
const REVOKES = 3

/** One sample: renders per component during one operation. */
type Sample = Record<string, number>
const samples: Record<"switch" | "revoke", Record<Side, Sample[]>> = {
  switch: { ours: [], baseline: [] },
  revoke: { ours: [], baseline: [] },
}

afterEach(cleanup)
afterAll(() => {
  const summary = (list: Sample[]) => {
    const keys = [...new Set(list.flatMap((sample) => Object.keys(sample)))]
    return Object.fromEntries(
      keys.map((key) => {
        const values = list.map((sample) => sample[key] ?? 0)
        const mean = values.reduce((a, b) => a + b, 0) / values.length
        return [key, { mean, min: Math.min(...values), max: Math.max(...values) }]
      }),
    )
  }
  writeResult("renders", {
    switches: SWITCHES.length,
    revokes: REVOKES,
    switch: { ours: summary(samples.switch.ours), baseline: summary(samples.switch.baseline) },
    revoke: { ours: summary(samples.revoke.ours), baseline: summary(samples.revoke.baseline) },
    samples,
  })
})

async function mountApp(side: Side) {
  const renders = new Map<string, number>()
  const requests = countRequests()
  const app = builders[side]({
    baseURL: serverOrigin(),
    fetch: requests.fetch,
    count: (name) => renders.set(name, (renders.get(name) ?? 0) + 1),
  })
  render(
    app.root(
      <>
        <app.Switcher />
        <app.WhoAmI />
        <app.AccountCount />
      </>,
    ),
  )
  await shows("Cy")
  await requests.idle()
  return { renders, requests }
}

const sessionShows = (name: string) => () => screen.getByTestId("session-user").textContent === name

for (const side of SIDES) {
  test(`renders per switch: ${side}`, async () => {
    await freshDevice(["Ada", "Bob", "Cy"])
    const { renders, requests } = await mountApp(side)
    let from = "Cy"
    for (const to of SWITCHES) {
      const untouched = ["Ada", "Bob", "Cy"].find((name) => name !== from && name !== to)
      renders.clear()
      fireEvent.click(screen.getByRole("button", { name: `Switch to ${to}` }))
      await shows(to, sessionShows(to))
      await requests.idle()
      samples.switch[side].push({
        switcher: renders.get("switcher") ?? 0,
        "who-am-i": renders.get("who-am-i") ?? 0,
        "account-count": renders.get("account-count") ?? 0,
        "untouched-row": renders.get(`row:${untouched}`) ?? 0,
      })
      from = to
    }
    expect(samples.switch[side]).toHaveLength(SWITCHES.length)
  })

  test(`renders per revoke: ${side}`, async () => {
    for (let i = 0; i < REVOKES; i++) {
      await freshDevice(["Ada", "Bob", "Cy"])
      const { renders, requests } = await mountApp(side)
      renders.clear()
      fireEvent.click(screen.getByRole("button", { name: "Remove Bob" }))
      await shows("Cy", () => !listedNames().includes("Bob"))
      await requests.idle()
      samples.revoke[side].push({
        switcher: renders.get("switcher") ?? 0,
        "who-am-i": renders.get("who-am-i") ?? 0,
        "account-count": renders.get("account-count") ?? 0,
        // Ada's and Cy's rows stay as they were.
        "untouched-row": Math.max(renders.get("row:Ada") ?? 0, renders.get("row:Cy") ?? 0),
      })
      cleanup()
    }
    expect(samples.revoke[side]).toHaveLength(REVOKES)
  })
}
