// A different account in each tab (React's per-tab page, the example server running
// perTabAccounts()): two tabs of one browser act as two accounts at once. Every request of
// each tab is watched, with the account its header names.
import type { Page } from "@playwright/test"
import { ada, expect, grace, signIn, test, ui } from "./switcher"

const HEADER = "x-multisession-account"

/** The header of every request of `page` to the app's API (auth and notes), from now on. */
function watchAccounts(page: Page) {
  const seen: { path: string; account: string | null }[] = []
  page.on("request", (request) => {
    const { pathname } = new URL(request.url())
    if (pathname.startsWith("/api/"))
      seen.push({ path: pathname, account: request.headers()[HEADER] ?? null })
  })
  return seen
}

async function openPerTab(page: Page, url: string) {
  await page.goto(url)
  await expect(page.getByRole("heading", { level: 1, name: "Accounts" })).toBeVisible()
  await expect(page.getByText("Loading accounts…")).toBeHidden()
}

/** Ada and Grace signed in, Grace the device's active account; `page` then uses Ada. */
async function adaHereGraceOnDevice(page: Page, serverURL: string) {
  await openPerTab(page, `${serverURL}/react/per-tab.html`)
  for (const account of [ada, grace]) await signIn(page, account)
  return {
    useAda: async () => {
      await ui(page)
        .entry(ada)
        .getByRole("button", { name: `Use ${ada.name} in this tab` })
        .click()
      await expect(ui(page).header.locator(".name")).toHaveText(ada.name)
    },
  }
}

const notesOwner = (page: Page) => page.getByTestId("notes")

test("two tabs act as two accounts at once, each request naming its tab's own account", async ({
  context,
  page,
  serverURL,
}) => {
  const { useAda } = await adaHereGraceOnDevice(page, serverURL)
  const userId = async (email: string) =>
    (
      await (
        await page.request.get(`${serverURL}/api/auth/multi-session/list-device-sessions`)
      ).json()
    ).find((entry: { user: { email: string } }) => entry.user.email === email).user.id as string
  const [adaId, graceId] = [await userId(ada.email), await userId(grace.email)]

  // This tab goes on as Ada; the device's active account stays Grace.
  const one = watchAccounts(page)
  await useAda()
  await expect(notesOwner(page)).toHaveAttribute("data-owner", ada.name)

  // Grace opens in a new tab, from its URL.
  const opened = context.waitForEvent("page")
  await ui(page)
    .entry(grace)
    .getByRole("link", { name: `Open ${grace.name} in a new tab` })
    .click()
  const two = await opened
  const second = watchAccounts(two)
  await expect(two.getByRole("heading", { level: 1, name: "Accounts" })).toBeVisible()
  await expect(ui(two).header.locator(".name")).toHaveText(grace.name)
  await expect(notesOwner(two)).toHaveAttribute("data-owner", grace.name)

  // Both at once: each tab adds a note, and each lands with its own account.
  for (const [tab, text] of [
    [page, "written in tab one"],
    [two, "written in tab two"],
  ] as const) {
    await tab.getByLabel("New note").fill(text)
    await tab.getByRole("button", { name: "Add", exact: true }).click()
    await expect(notesOwner(tab)).toContainText(text)
  }
  await expect(notesOwner(page)).not.toContainText("written in tab two")
  await page.reload()
  await expect(ui(page).header.locator(".name")).toHaveText(ada.name)
  await expect(notesOwner(page)).toContainText("written in tab one")
  await expect(notesOwner(page)).not.toContainText("written in tab two")

  // Every request each tab made named that tab's account, and there were some of each.
  expect(one.filter((r) => r.path === "/api/notes").length).toBeGreaterThanOrEqual(3)
  expect(second.filter((r) => r.path === "/api/notes").length).toBeGreaterThanOrEqual(2)
  expect(new Set(one.map((r) => r.account))).toEqual(new Set([adaId]))
  expect(new Set(second.map((r) => r.account))).toEqual(new Set([graceId]))
  // The device's own active account (a request naming none) is still Grace.
  const device = await (await page.request.get(`${serverURL}/api/auth/get-session`)).json()
  expect(device.user.email).toBe(grace.email)
})

test("removing the account one tab uses moves that tab to the device's account; the other tab keeps its own", async ({
  context,
  page,
  serverURL,
}) => {
  const { useAda } = await adaHereGraceOnDevice(page, serverURL)
  await useAda()
  const two = await context.newPage()
  await openPerTab(two, `${serverURL}/react/per-tab.html`)
  // A new tab starts on the device's active account.
  await expect(ui(two).header.locator(".name")).toHaveText(grace.name)

  await ui(two)
    .entry(ada)
    .getByRole("button", { name: `Remove ${ada.name}` })
    .click()
  await expect(ui(two).entries).toHaveCount(1)
  await expect(ui(page).entries).toHaveCount(1)
  await expect(ui(page).header.locator(".name")).toHaveText(grace.name)
  await expect(notesOwner(page)).toHaveAttribute("data-owner", grace.name)
  await expect(ui(two).header.locator(".name")).toHaveText(grace.name)
})
