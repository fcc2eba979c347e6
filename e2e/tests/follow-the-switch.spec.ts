// Everything follows the switch, in Chromium, in each example app: a MutationObserver in both
// tabs records every DOM state (the header's name, and whose notes are shown) while the
// account changes 50 times in five ways. No state may pair one account's name with another
// account's notes, and each change that lands on an account costs one notes request.
import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import type { Page, Request } from "@playwright/test"
import { ARTIFACTS_DIR, FRAMEWORKS } from "./paths"
import {
  type Account,
  ada,
  alan,
  endSessionsOf,
  expect,
  grace,
  openApp,
  returnToTab,
  sessionEmail,
  signIn,
  test,
  ui,
} from "./switcher"

type Frame = { who: string | null; owner: string | null }
type Step = "this-tab" | "other-tab" | "revoke-active" | "session-lost" | "slow-data"

const ACCOUNTS = [ada, grace, alan]
// A session lost on the server leaves its cookie on the device, and the example server keeps
// 5 per device: with three accounts signed in, two such losses fit in one run.
const CYCLE: Step[] = ["this-tab", "other-tab", "revoke-active", "slow-data"]
const LOSSES_AT = new Set([5, 21])

// Installed in every page before its scripts: one frame per DOM change, before any paint.
function recordFrames() {
  const frames: Frame[] = []
  const read = (): Frame => ({
    who: document.querySelector('[data-testid="active-account"] .name')?.textContent ?? null,
    owner: document.querySelector<HTMLElement>('[data-testid="notes"]')?.dataset.owner ?? null,
  })
  ;(window as unknown as { frames_: Frame[] }).frames_ = frames
  new MutationObserver(() => frames.push(read())).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
  })
}
const framesOf = (page: Page) =>
  page.evaluate(() => (window as unknown as { frames_: Frame[] }).frames_)

for (const framework of FRAMEWORKS) {
  test(`${framework}: no frame shows one account's name beside another's notes, over 50 account changes`, async ({
    context,
    page,
    serverURL,
  }) => {
    test.setTimeout(180_000)
    await context.addInitScript(recordFrames)
    await openApp(page, serverURL, framework)
    for (const account of ACCOUNTS) await signIn(page, account)
    const other = await context.newPage()
    await openApp(other, serverURL, framework)

    let active: Account = alan
    const notesRequests: Request[] = []
    page.on("request", (request) => {
      const url = new URL(request.url())
      if (url.pathname === "/api/notes" && request.method() === "GET") notesRequests.push(request)
    })
    // The page shows `account`, its notes, and the server agrees.
    const shows = async (account: Account) => {
      await expect(ui(page).header.locator(".name")).toHaveText(account.name)
      await expect(page.getByTestId("notes")).toHaveAttribute("data-owner", account.name)
      await expect(page.getByText("Switching…")).toHaveCount(0)
      await expect.poll(() => sessionEmail(page)).toBe(account.email)
      active = account
    }
    // Waits until the page has moved on from `left` to another account and nothing is under
    // way, and says which. Only then is the server asked: a request sent with the cookie of a
    // session just ended makes better-auth expire the session cookie, and if it overtakes the
    // answer that moved the device on, the device ends signed out (a race of the test's own
    // making; the app itself sends nothing meanwhile).
    const movedOn = async (left: Account) => {
      const others = ACCOUNTS.filter((a) => a !== left).map((a) => a.name)
      await expect(ui(page).header.locator(".name")).toHaveText(new RegExp(others.join("|")))
      await expect(page.getByText("Switching…")).toHaveCount(0)
      const name = await ui(page).header.locator(".name").textContent()
      return ACCOUNTS.find((a) => a.name === name) as Account
    }
    const next = () => ACCOUNTS[(ACCOUNTS.indexOf(active) + 1) % ACCOUNTS.length] as Account
    const switchIn = (tab: Page, to: Account) =>
      ui(tab)
        .entry(to)
        .getByRole("button", { name: `Switch to ${to.name}` })
        .click()

    await shows(alan)
    const perStep: Record<Step, { steps: number; changes: number; requests: number }> = {
      "this-tab": { steps: 0, changes: 0, requests: 0 },
      "other-tab": { steps: 0, changes: 0, requests: 0 },
      "revoke-active": { steps: 0, changes: 0, requests: 0 },
      "session-lost": { steps: 0, changes: 0, requests: 0 },
      "slow-data": { steps: 0, changes: 0, requests: 0 },
    }
    let changes = 0
    let arrivals = 0
    for (let i = 0; changes < 50; i += 1) {
      const step: Step = LOSSES_AT.has(i) ? "session-lost" : (CYCLE[i % CYCLE.length] as Step)
      const before = { requests: notesRequests.length, arrivals }
      switch (step) {
        case "this-tab": {
          const to = next()
          await switchIn(page, to)
          await shows(to)
          changes += 1
          arrivals += 1
          break
        }
        case "other-tab": {
          const to = next()
          await switchIn(other, to)
          await shows(to)
          changes += 1
          arrivals += 1
          break
        }
        case "revoke-active": {
          const removed = active
          await ui(page)
            .entry(removed)
            .getByRole("button", { name: `Remove ${removed.name}` })
            .click()
          await expect(ui(page).entry(removed)).toHaveCount(0)
          // the server promotes another account
          await shows(await movedOn(removed))
          await signIn(page, removed)
          await shows(removed)
          changes += 2
          arrivals += 2
          break
        }
        case "session-lost": {
          const lost = active
          endSessionsOf(lost)
          await returnToTab(page)
          // autoSwitch("most-recent") goes on as the account used before
          await shows(await movedOn(lost))
          await signIn(page, lost)
          await shows(lost)
          // lost (to signed out), recovered, signed in again
          changes += 3
          arrivals += 2
          break
        }
        case "slow-data": {
          // A note is added, so the notes of the account on screen are asked again, slowly;
          // the switch comes while that request is on its way.
          await page.route("**/api/notes", (route) =>
            route.request().method() === "GET"
              ? setTimeout(() => route.continue().catch(() => {}), 400)
              : route.continue(),
          )
          const to = next()
          const slow = page.waitForRequest(
            (r) => new URL(r.url()).pathname === "/api/notes" && r.method() === "GET",
          )
          await page.getByLabel("New note").fill(`Note ${i}`)
          await page.getByRole("button", { name: "Add", exact: true }).click()
          await slow
          await switchIn(page, to)
          await shows(to)
          await page.unroute("**/api/notes")
          changes += 1
          arrivals += 1
          break
        }
      }
      perStep[step].steps += 1
      perStep[step].changes += arrivals - before.arrivals
      perStep[step].requests += notesRequests.length - before.requests
    }

    const frames = { page: await framesOf(page), other: await framesOf(other) }
    for (const tab of [frames.page, frames.other]) {
      expect(tab.filter((f) => f.owner !== null && f.owner !== f.who)).toEqual([])
    }
    expect(frames.page.filter((f) => f.owner !== null).length).toBeGreaterThan(changes)
    // One notes request per change that lands on an account. The slow kind adds the one asked
    // before its switch; the lost session the one TanStack Query sends when the user returns to
    // the tab (with the ended session's cookie: a 401, and no notes on screen).
    for (const [step, count] of Object.entries(perStep)) {
      const extra = step === "slow-data" || step === "session-lost" ? count.steps : 0
      const expected = count.changes + extra
      expect(count.requests, `notes requests, ${step}`).toBe(expected)
    }
    const report = {
      framework,
      changes,
      arrivals,
      notesRequests: notesRequests.length,
      perStep,
      frames: { page: frames.page.length, other: frames.other.length },
    }
    console.log(JSON.stringify(report))
    const file = join(ARTIFACTS_DIR, "follow-the-switch.json")
    let all: Record<string, unknown> = {}
    try {
      all = JSON.parse(readFileSync(file, "utf8"))
    } catch {}
    writeFileSync(file, `${JSON.stringify({ ...all, [framework]: report }, null, 2)}\n`)
  })
}
