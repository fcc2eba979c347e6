// The randomized model in a real browser: three tabs of one Chromium context on the React
// example, random sequences of what people and networks do, and after each sequence every
// tab's list, active account and session must equal the server's. MODEL_RUNS=N for more
// (`pnpm soak:browser` runs 1,000 and prints each divergence).
import { randomBytes } from "node:crypto"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { BrowserContext, Page, Request } from "@playwright/test"
import fc from "fast-check"
import { startServer } from "../../examples/server/src/server"
import {
  type Account,
  ada,
  alan,
  endSessionsOf,
  expect,
  grace,
  openApp,
  returnToTab,
  signIn,
  signOutAll,
  test,
  ui,
} from "./switcher"

const RUNS = Number(process.env.MODEL_RUNS ?? 30)
const SOAK = process.env.MODEL_SOAK === "1"
const TABS = 3
const ACCOUNTS = [ada, grace, alan]
const SET_ACTIVE = "**/api/auth/multi-session/set-active"

type Op =
  | { type: "switch"; tab: number; index: number }
  | { type: "remove"; tab: number; index: number }
  | { type: "sign-in"; tab: number; account: number }
  | { type: "sign-out"; tab: number }
  | { type: "reload"; tab: number }
  | { type: "offline-switch"; tab: number; index: number }
  | { type: "lost-answer"; tab: number; index: number }
  | { type: "slow-answer"; tab: number; index: number; other: number }
  | { type: "server-revoke"; account: number }
  | { type: "server-restart" }

const tab = fc.nat(TABS - 1)
const index = fc.nat(4)
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ type: fc.constant("switch" as const), tab, index }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant("remove" as const), tab, index }) },
  {
    weight: 3,
    arbitrary: fc.record({ type: fc.constant("sign-in" as const), tab, account: fc.nat(2) }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant("sign-out" as const), tab }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant("reload" as const), tab }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant("offline-switch" as const), tab, index }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant("lost-answer" as const), tab, index }) },
  {
    weight: 1,
    arbitrary: fc.record({ type: fc.constant("slow-answer" as const), tab, index, other: tab }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ type: fc.constant("server-revoke" as const), account: fc.nat(2) }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant("server-restart" as const) }) },
)
// The model runs an example server of its own, so that it can restart it (a deploy, a crash)
// on the same port, database and secret.
let dataDir = ""
const secret = randomBytes(32).toString("hex")
const serverOptions = () => ({
  host: "127.0.0.1",
  databaseFile: join(dataDir, "auth.sqlite"),
  seed: true,
  secret,
  log: () => {},
  authLogLevel: "error" as const,
})
let server: Awaited<ReturnType<typeof startServer>>
test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "multisession-model-"))
  server = await startServer({ ...serverOptions(), port: 0 })
})
test.afterAll(async () => {
  await server.close()
  rmSync(dataDir, { recursive: true, force: true })
})
const serverURL = () => `http://127.0.0.1:${server.port}`

// Every sequence starts with two accounts signed in, so there is something to switch.
const sequence = fc.array(op, { minLength: 3, maxLength: 8 })

/** Waits until no tab has an auth request open and none has started one for a moment. */
async function quiet(context: BrowserContext) {
  const open = new Set<Request>()
  let last = Date.now()
  const isAuth = (r: Request) => new URL(r.url()).pathname.startsWith("/api/auth/")
  const onRequest = (r: Request) => {
    if (!isAuth(r)) return
    open.add(r)
    last = Date.now()
  }
  const onDone = (r: Request) => {
    if (open.delete(r)) last = Date.now()
  }
  context.on("request", onRequest)
  context.on("requestfinished", onDone)
  context.on("requestfailed", onDone)
  try {
    await expect
      .poll(() => open.size === 0 && Date.now() - last >= 400, {
        intervals: [100],
        timeout: 15_000,
      })
      .toBe(true)
  } finally {
    context.off("request", onRequest)
    context.off("requestfinished", onDone)
    context.off("requestfailed", onDone)
  }
}

/** One listed account's "Switch to" or "Remove" button, by its place in the list. */
async function listed(page: Page, index: number) {
  const emails = await ui(page).entries.locator(".email").allTextContents()
  const email = emails[index % Math.max(emails.length, 1)]
  return email ? ui(page).entries.filter({ hasText: email }) : null
}

async function clickSwitch(page: Page, index: number) {
  const row = await listed(page, index)
  const button = row?.getByRole("button", { name: /^Switch to / })
  // The active account's row has no switch; counted, not waited for. The tab may be catching
  // up with another tab as the user clicks: a button that left in the meantime was not clicked.
  if (!button || (await button.count()) === 0) return false
  if (!(await button.isEnabled({ timeout: 2_000 }).catch(() => false))) return false
  return button.click({ timeout: 2_000 }).then(
    () => true,
    () => false,
  )
}

const settledTab = async (page: Page) => {
  await expect(page.getByText("Loading accounts…")).toBeHidden()
  await expect(page.getByText(/Switching…|Removing…/)).toHaveCount(0)
}

async function perform(context: BrowserContext, pages: Page[], step: Op) {
  const page = pages["tab" in step ? step.tab : 0] as Page
  switch (step.type) {
    case "switch":
      if (await clickSwitch(page, step.index)) await settledTab(page)
      break
    case "remove": {
      const row = await listed(page, step.index)
      if (!row) break
      const removed = await row
        .getByRole("button", { name: /^Remove / })
        .click({ timeout: 2_000 })
        .then(
          () => true,
          () => false,
        )
      if (removed) await settledTab(page)
      break
    }
    case "sign-in": {
      if (!(await ui(page).addAccount.isEnabled())) break
      await signIn(page, ACCOUNTS[step.account] as Account)
      break
    }
    case "sign-out":
      if ((await ui(page).signOutAll.count()) === 0) break
      await signOutAll(page)
      await expect(ui(page).header).toContainText("Not signed in")
      break
    case "reload":
      await page.reload()
      await settledTab(page)
      break
    case "offline-switch": {
      await context.setOffline(true)
      const clicked = await clickSwitch(page, step.index)
      if (clicked) await expect(ui(page).alert).toContainText("can't be reached")
      await context.setOffline(false)
      break
    }
    case "lost-answer": {
      // The server switches; its answer never reaches the page.
      await page.route(SET_ACTIVE, async (route) => {
        await route.fetch()
        await route.abort("connectionreset")
      })
      if (await clickSwitch(page, step.index)) await settledTab(page)
      await page.unroute(SET_ACTIVE)
      break
    }
    case "slow-answer": {
      // This tab's switch answers late, after another tab has acted.
      let answer = () => {}
      const held = new Promise<void>((resolve) => {
        answer = resolve
      })
      await page.route(SET_ACTIVE, async (route) => {
        await held
        await route.continue()
      })
      const clicked = await clickSwitch(page, step.index)
      const other = pages[step.other] as Page
      if (other !== page) await clickSwitch(other, step.index + 1)
      answer()
      if (clicked) await settledTab(page)
      await page.unroute(SET_ACTIVE)
      break
    }
    case "server-revoke":
      endSessionsOf(ACCOUNTS[step.account] as Account, serverOptions().databaseFile)
      // Nobody is told: the user comes back to each tab, the one refresh a browser makes.
      for (const p of pages) await returnToTab(p)
      break
    case "server-restart": {
      // Whatever the server kept in memory is gone; the cookies and the database stay.
      const { port } = server
      await server.close()
      server = await startServer({ ...serverOptions(), port })
      for (const p of pages) await returnToTab(p)
      break
    }
  }
}

interface Seen {
  emails: string[]
  active: string | null
}

async function tabSees(page: Page): Promise<Seen> {
  const emails = (await ui(page).entries.locator(".email").allTextContents()).sort()
  const header = ui(page).header.locator(".email")
  const active = (await header.count()) ? await header.textContent() : null
  return { emails, active }
}

async function serverSees(page: Page): Promise<Seen> {
  return page.evaluate(async () => {
    const list = (await (await fetch("/api/auth/multi-session/list-device-sessions")).json()) as {
      user: { email: string }
    }[]
    const session = (await (await fetch("/api/auth/get-session")).json()) as {
      user?: { email: string }
    } | null
    return {
      emails: list.map((entry) => entry.user.email).sort(),
      active: session?.user?.email ?? null,
    }
  })
}

async function run(browserContext: () => Promise<BrowserContext>, serverURL: string, ops: Op[]) {
  const context = await browserContext()
  try {
    const pages: Page[] = []
    for (let i = 0; i < TABS; i++) {
      const page = await context.newPage()
      await openApp(page, serverURL, "react")
      pages.push(page)
    }
    await signIn(pages[0] as Page, ada)
    await signIn(pages[0] as Page, grace)
    for (const step of ops) await perform(context, pages, step)
    await quiet(context)
    for (const page of pages) await settledTab(page)
    const truth = await serverSees(pages[0] as Page)
    const tabs = await Promise.all(pages.map(tabSees))
    return { agrees: tabs.every((t) => JSON.stringify(t) === JSON.stringify(truth)), truth, tabs }
  } finally {
    await context.close()
  }
}

test(`three tabs agree with the server after ${RUNS} random sequences`, async ({ browser }) => {
  test.setTimeout(Math.max(300_000, RUNS * 15_000))
  const newContext = () => browser.newContext()
  if (SOAK) {
    let divergences = 0
    let runs = 0
    const started = Date.now()
    for (const ops of fc.sample(sequence, RUNS)) {
      const outcome = await run(newContext, serverURL(), ops).catch((error: unknown) => ({
        agrees: false,
        error: String(error).split("\n")[0],
      }))
      if (!outcome.agrees) {
        divergences += 1
        console.log("divergence", JSON.stringify({ ops, ...outcome }))
      }
      runs += 1
      // A long soak says how far it got, so a stopped run still counts.
      if (runs % 50 === 0)
        console.log(`browser model soak: ${runs} sequences, ${divergences} divergences`)
    }
    console.log(
      `browser model soak: ${RUNS} sequences, ${divergences} divergences, ${Math.round((Date.now() - started) / 1000)} s`,
    )
    expect(divergences).toBe(0)
    return
  }
  await fc.assert(
    fc.asyncProperty(sequence, async (ops) => {
      const outcome = await run(newContext, serverURL(), ops)
      expect(outcome.tabs).toEqual(Array(TABS).fill(outcome.truth))
    }),
    { numRuns: RUNS, endOnFailure: true },
  )
})
