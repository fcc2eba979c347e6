// What the tests do as a user of the account switcher, with selectors from the UI contract.
import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { test as base, expect, type Page, type Request } from "@playwright/test"
import Database from "better-sqlite3"
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../examples/server/src/demo-accounts"
import { ARTIFACTS_DIR, DATABASE_FILE_ENV, type Framework, SERVER_URL_ENV } from "./paths"

/** One of the demo accounts the server seeds. */
export type Account = (typeof DEMO_ACCOUNTS)[number]

/**
 * The demo accounts by first name.
 *
 * @example
 * await signIn(page, ada)
 */
export const [ada, grace, alan] = DEMO_ACCOUNTS

/**
 * Playwright's test with the example server's address, from the global setup.
 *
 * @example
 * test("opens", async ({ page, serverURL }) => page.goto(`${serverURL}/react/`))
 */
export const test = base.extend<object, { serverURL: string }>({
  serverURL: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixture's dependencies from it.
    async ({}, use) => {
      const url = process.env[SERVER_URL_ENV]
      if (!url) throw new Error(`${SERVER_URL_ENV} is not set: the global setup did not run.`)
      await use(url)
    },
    { scope: "worker" },
  ],
})

export { expect }

/**
 * The parts of the page the tests read, by role, label and test id.
 *
 * @example
 * await expect(ui(page).header).toContainText("Ada Lovelace")
 */
export function ui(page: Page) {
  const list = page.getByRole("list", { name: "Signed-in accounts" })
  return {
    header: page.getByTestId("active-account"),
    list,
    entries: list.getByTestId("account"),
    entry: (account: Account) => list.getByTestId("account").filter({ hasText: account.email }),
    activeEntries: list.locator('[data-testid="account"][data-active="true"]'),
    empty: page.getByText("No accounts on this device yet."),
    alert: page.locator("main").getByRole("alert"),
    signOutAll: page.getByRole("button", { name: "Sign out of all accounts" }),
    addAccount: page.getByRole("button", { name: /^Add (another|an) account$/ }),
    menuButton: page.getByRole("button", { name: /^Account menu/ }),
    menu: page.getByRole("menu"),
    dialog: page.getByRole("alertdialog", { name: "Sign out of all accounts?" }),
  }
}

/**
 * Signs out of every account from the page's button, through the confirm dialog.
 *
 * @example
 * await signOutAll(page)
 */
export async function signOutAll(page: Page) {
  const { signOutAll: button, dialog } = ui(page)
  await button.click()
  await expect(dialog).toBeVisible()
  await dialog.getByRole("button", { name: "Sign out of all", exact: true }).click()
  await expect(dialog).toBeHidden()
}

/**
 * Opens the app and waits until it has loaded the accounts.
 *
 * @example
 * await openApp(page, serverURL, "vue")
 */
export async function openApp(page: Page, serverURL: string, framework: Framework) {
  await page.goto(`${serverURL}/${framework}/`)
  await expect(page.getByRole("heading", { level: 1, name: "Accounts" })).toBeVisible()
  await expect(page.getByText("Loading accounts…")).toBeHidden()
}

/**
 * Signs an account in through "Add another account"; it becomes the active one.
 *
 * @example
 * await signIn(page, grace)
 */
export async function signIn(page: Page, account: Account) {
  await ui(page).addAccount.click()
  const form = page.getByRole("form", { name: "Add account" })
  await expect(form).toBeVisible()
  await form.getByRole("button", { name: "Existing account" }).click()
  await form.getByLabel("Email").fill(account.email)
  await form.getByLabel("Password").fill(DEMO_PASSWORD)
  const submit = form.locator('button[type="submit"]')
  await expect(submit).toHaveText("Sign in")
  await submit.click()
  await expect(form).toBeHidden()
  await expect(ui(page).header.locator(".name")).toHaveText(account.name)
  await expect(ui(page).entry(account)).toHaveAttribute("data-active", "true")
}

/**
 * Opens the app and signs in Ada, Grace and Alan, in that order: Alan ends up active.
 *
 * @example
 * await signInThree(page, serverURL, "svelte")
 */
export async function signInThree(page: Page, serverURL: string, framework: Framework) {
  await openApp(page, serverURL, framework)
  for (const account of [ada, grace, alan]) await signIn(page, account)
  await expect(ui(page).entries).toHaveCount(3)
}

/**
 * Checks that `active` is the one account shown as active, in the header and in the list,
 * and that every other listed account offers a switch to it.
 *
 * @example
 * await expectActive(page, grace, [ada, grace, alan])
 */
export async function expectActive(page: Page, active: Account, listed: readonly Account[]) {
  const { header, entries, entry, activeEntries } = ui(page)
  await expect(header.locator(".name")).toHaveText(active.name)
  await expect(header.locator(".email")).toHaveText(active.email)
  await expect(entries).toHaveCount(listed.length)
  await expect(activeEntries).toHaveCount(1)
  for (const account of listed) {
    const row = entry(account)
    const isActive = account === active
    await expect(row).toHaveAttribute("data-active", String(isActive))
    const switchButton = row.getByRole("button", { name: `Switch to ${account.name}` })
    if (isActive) {
      await expect(row).toHaveClass(/\bis-active\b/)
      await expect(row.locator(".badge")).toHaveText("Active")
      await expect(switchButton).toHaveCount(0)
    } else {
      await expect(row).not.toHaveClass(/\bis-active\b/)
      await expect(row.locator(".badge")).toHaveCount(0)
      await expect(switchButton).toHaveText("Switch")
    }
    await expect(row.getByRole("button", { name: `Remove ${account.name}` })).toHaveText("Remove")
  }
}

/**
 * Asks the server, from the page (with its cookies), who is signed in.
 *
 * @example
 * expect(await sessionEmail(page)).toBe(ada.email)
 */
export async function sessionEmail(page: Page): Promise<string | null> {
  return page.evaluate(async () => {
    const res = await fetch("/api/auth/get-session", { credentials: "include" })
    if (!res.ok) throw new Error(`get-session answered ${res.status}`)
    const body = (await res.json()) as { user?: { email: string } } | null
    return body?.user?.email ?? null
  })
}

/**
 * Asks the server, from the page, which accounts this device holds.
 *
 * @example
 * expect(await deviceEmails(page)).toEqual([ada.email])
 */
export async function deviceEmails(page: Page): Promise<string[]> {
  const emails = await page.evaluate(async () => {
    const res = await fetch("/api/auth/multi-session/list-device-sessions")
    if (!res.ok) throw new Error(`list-device-sessions answered ${res.status}`)
    const body = (await res.json()) as { user: { email: string } }[]
    return body.map((entry) => entry.user.email)
  })
  return emails.sort()
}

// How long the auth API must stay silent before a count is closed.
const QUIET_MS = 500

/**
 * Counts the page's requests to /api/auth from `act` until `settled` has passed and the API
 * has stayed quiet for a moment, so late refreshes are counted too. Returns the endpoints.
 *
 * @example
 * const calls = await countAuthRequests(page, () => button.click(), () => expect(x).toBeVisible())
 */
export async function countAuthRequests(
  page: Page,
  act: () => Promise<void>,
  settled: () => Promise<void>,
): Promise<string[]> {
  const seen: string[] = []
  const open = new Set<Request>()
  let lastActivity = Date.now()
  const isAuth = (request: Request) => new URL(request.url()).pathname.startsWith("/api/auth/")
  const onRequest = (request: Request) => {
    if (!isAuth(request)) return
    seen.push(new URL(request.url()).pathname.replace(/^\/api\/auth\/(multi-session\/)?/, ""))
    open.add(request)
    lastActivity = Date.now()
  }
  const onDone = (request: Request) => {
    if (!open.delete(request)) return
    lastActivity = Date.now()
  }
  page.on("request", onRequest)
  page.on("requestfinished", onDone)
  page.on("requestfailed", onDone)
  try {
    await act()
    await settled()
    await expect
      .poll(() => open.size === 0 && Date.now() - lastActivity >= QUIET_MS, {
        message: "the auth API goes quiet",
        intervals: [100],
      })
      .toBe(true)
  } finally {
    page.off("request", onRequest)
    page.off("requestfinished", onDone)
    page.off("requestfailed", onDone)
  }
  return seen
}

/**
 * Prints a request count and adds it to e2e/artifacts/request-counts.json.
 *
 * @example
 * recordRequests("react", "switch", ["set-active", "get-session", "list-device-sessions"])
 */
export function recordRequests(framework: Framework, action: string, requests: string[]) {
  console.log(
    `${framework}: ${action} = ${requests.length} requests (${requests.join(", ") || "none"})`,
  )
  const file = join(ARTIFACTS_DIR, "request-counts.json")
  let counts: Record<string, Record<string, { count: number; requests: string[] }>> = {}
  try {
    counts = JSON.parse(readFileSync(file, "utf8"))
  } catch {
    // First count of the run: the global setup removed the old file.
  }
  counts[framework] = { ...counts[framework], [action]: { count: requests.length, requests } }
  writeFileSync(file, `${JSON.stringify(counts, null, 2)}\n`)
}

/**
 * The user comes back to the tab later than better-auth's five-second limit on focus refreshes.
 *
 * @example
 * await returnToTab(page)
 */
export const returnToTab = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { later_?: number; realNow_?: () => number }
    w.realNow_ ??= Date.now.bind(Date)
    w.later_ = (w.later_ ?? 0) + 5_001
    const realNow = w.realNow_
    Date.now = () => realNow() + (w.later_ ?? 0)
    // It bubbles, as a real one does: better-auth hears it on document, TanStack Query on window.
    document.dispatchEvent(new Event("visibilitychange", { bubbles: true }))
  })

/**
 * What another device's "sign out everywhere" does: the user's sessions end on the server.
 *
 * @example
 * endSessionsOf(grace)
 */
export function endSessionsOf(
  account: Account,
  databaseFile = process.env[DATABASE_FILE_ENV] as string,
) {
  const db = new Database(databaseFile)
  try {
    db.prepare(
      'DELETE FROM "session" WHERE "userId" = (SELECT "id" FROM "user" WHERE "email" = ?)',
    ).run(account.email)
  } finally {
    db.close()
  }
}
