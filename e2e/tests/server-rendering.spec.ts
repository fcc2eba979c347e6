// The server-rendered examples (SvelteKit, Next.js, Nuxt), each tested alike: its production
// build started on a free loopback port with a SQLite file of its own (server-rendered-apps.ts),
// then read as HTML and driven in Chromium.
import {
  type APIRequestContext,
  type ConsoleMessage,
  type Page,
  type Request,
  test,
} from "@playwright/test"
import { DEMO_NOTES, DEMO_PASSWORD } from "../../examples/server/src/demo-accounts"
import { type RunningApp, SERVER_RENDERED_APPS, startApp } from "./server-rendered-apps"
import {
  type Account,
  ada,
  alan,
  countAuthRequests,
  deviceEmails,
  expect,
  expectActive,
  grace,
  sessionEmail,
  signIn,
  ui,
} from "./switcher"

// The address of the app whose tests are running: the tests run one after another.
let appURL = ""

/** Signs an account in on a context's cookie jar, as the page's own form would. */
async function signInByRequest(request: APIRequestContext, account: Account) {
  const res = await request.post(`${appURL}/api/auth/sign-in/email`, {
    data: { email: account.email, password: DEMO_PASSWORD },
    headers: { origin: appURL },
  })
  expect(res.ok(), `sign-in of ${account.email} answered ${res.status()}`).toBe(true)
}

/** The server-rendered header card of an HTML page: the active account's name and email. */
const headerOf = (html: string) =>
  html.match(/data-testid="active-account"[^>]*>([\s\S]*?)<\/section>/)?.[1] ?? ""

for (const app of SERVER_RENDERED_APPS) {
  test.describe(app.name, () => {
    let running: RunningApp | undefined
    test.beforeAll(async () => {
      running = await startApp(app)
      appURL = running.url
    })
    test.afterAll(async () => {
      await running?.stop()
    })

    test("the first HTML already holds the accounts", async ({ page }) => {
      // The page's own form signs in: it works once hydrated, and the server's first page, on
      // a cold start under load, can take seconds to hydrate.
      await page.goto(appURL, { waitUntil: "networkidle" })
      await expect(ui(page).header).toContainText("Not signed in")
      await signIn(page, ada)
      await signIn(page, grace)

      const res = await page.request.get(appURL)
      expect(res.status()).toBe(200)
      expect(res.headers()["cache-control"]).toContain("no-store")
      const html = await res.text()
      expect(headerOf(html)).toContain(grace.name)
      expect(headerOf(html)).toContain(grace.email)
      expect(headerOf(html)).not.toContain(ada.name)
      expect(html).toContain('aria-label="Signed-in accounts"')
      for (const account of [ada, grace]) {
        expect(html).toContain(`aria-label="Remove ${account.name}"`)
      }
      expect(html).toContain(`aria-label="Switch to ${ada.name}"`)
      expect(html).not.toContain("Loading accounts…")
      expect(html.match(/data-testid="account"/g)).toHaveLength(2)
      expect(html.match(/data-active="true"/g)).toHaveLength(1)
      // The active account's notes and the account menu's button are in it too.
      expect(html).toContain(`data-owner="${grace.name}"`)
      for (const note of DEMO_NOTES[grace.email]) expect(html).toContain(note)
      for (const note of DEMO_NOTES[ada.email]) expect(html).not.toContain(note)
      expect(html).toContain(`aria-label="Account menu, signed in as ${grace.name}"`)
    })

    // What a fresh load of a signed-in device asks the auth API, until it has gone quiet, and
    // how many times it asks the app's notes API meanwhile.
    async function countLoad(page: Page) {
      await signInByRequest(page.request, ada)
      await signInByRequest(page.request, alan)
      let notes = 0
      const onNotes = (request: Request) => {
        if (new URL(request.url()).pathname === "/api/notes") notes += 1
      }
      page.on("request", onNotes)
      const seen = await countAuthRequests(
        page,
        async () => {
          await page.goto(appURL)
        },
        () => expectActive(page, alan, [ada, alan]),
      )
      page.off("request", onNotes)
      console.log(`${app.name}: load = ${seen.length} auth requests (${seen.join(", ") || "none"})`)
      return { seen, notes }
    }

    // Nothing at all: the list and the session come with the HTML, and better-auth's check of
    // the hydrated session on mount is answered from the payload (core's hydration.ts); the
    // notes the server read count as fresh (FRESH_MS in examples/shared/notes.ts).
    test("a fresh load sends no auth request and no notes request", async ({ page }) => {
      expect(await countLoad(page)).toEqual({ seen: [], notes: 0 })
    })

    test("hydrates without a warning; switch, remove and sign-in work after", async ({ page }) => {
      const messages: string[] = []
      const onConsole = (message: ConsoleMessage) => {
        if (message.type() === "warning" || message.type() === "error") {
          messages.push(`${message.type()}: ${message.text()}`)
        }
      }
      page.on("console", onConsole)
      page.on("pageerror", (error) => messages.push(`pageerror: ${error.message}`))
      // Any element the server rendered and the browser threw away (a failed hydration) is noted.
      await page.addInitScript(() => {
        const removed: string[] = []
        Object.assign(window, { __removed: removed })
        new MutationObserver((records) => {
          for (const record of records) {
            for (const node of record.removedNodes) {
              if (node instanceof Element) removed.push(node.outerHTML.slice(0, 120))
            }
          }
        }).observe(document, { childList: true, subtree: true })
      })
      await signInByRequest(page.request, ada)
      await signInByRequest(page.request, grace)
      await page.goto(appURL)
      await page.waitForLoadState("networkidle")
      await expectActive(page, grace, [ada, grace])
      expect(
        await page.evaluate(() => (window as unknown as { __removed: string[] }).__removed),
      ).toEqual([])

      await ui(page)
        .entry(ada)
        .getByRole("button", { name: `Switch to ${ada.name}` })
        .click()
      await expectActive(page, ada, [ada, grace])
      expect(await sessionEmail(page)).toBe(ada.email)

      await ui(page)
        .entry(grace)
        .getByRole("button", { name: `Remove ${grace.name}` })
        .click()
      await expectActive(page, ada, [ada])
      expect(await deviceEmails(page)).toEqual([ada.email])

      await signIn(page, alan)
      await expectActive(page, alan, [ada, alan])
      expect(await sessionEmail(page)).toBe(alan.email)
      expect(await deviceEmails(page)).toEqual([ada.email, alan.email].sort())

      // The next first HTML says the same as the page.
      const html = await (await page.request.get(appURL)).text()
      expect(headerOf(html)).toContain(alan.email)
      expect(html).not.toContain(grace.email)

      expect(messages.filter((text) => /hydrat/i.test(text))).toEqual([])
      expect(messages).toEqual([])
    })

    test("two devices loading at once never see each other's accounts", async ({ browser }) => {
      const first = await browser.newContext()
      const second = await browser.newContext()
      try {
        await signInByRequest(first.request, ada)
        await signInByRequest(first.request, alan)
        await signInByRequest(second.request, grace)
        const load = async (request: APIRequestContext) => {
          const res = await request.get(appURL)
          expect(res.status()).toBe(200)
          return res.text()
        }
        const runs = Array.from({ length: 50 }, () => [load(first.request), load(second.request)])
        const pages = await Promise.all(runs.flat())
        for (const [index, html] of pages.entries()) {
          const mine = index % 2 === 0 ? [ada, alan] : [grace]
          const theirs = index % 2 === 0 ? [grace] : [ada, alan]
          for (const account of mine) expect(html).toContain(account.email)
          for (const account of theirs) {
            expect(html).not.toContain(account.email)
            for (const note of DEMO_NOTES[account.email]) expect(html).not.toContain(note)
          }
          expect(headerOf(html)).toContain((index % 2 === 0 ? alan : grace).email)
        }
      } finally {
        await first.close()
        await second.close()
      }
    })

    test("without JavaScript the page still shows who is signed in", async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled: false })
      try {
        await signInByRequest(context.request, grace)
        await signInByRequest(context.request, ada)
        const page = await context.newPage()
        await page.goto(appURL)
        await expect(ui(page).header.locator(".name")).toHaveText(ada.name)
        await expect(ui(page).header.locator(".email")).toHaveText(ada.email)
        await expect(ui(page).entries).toHaveCount(2)
        await expect(ui(page).entry(ada)).toHaveAttribute("data-active", "true")
        await expect(ui(page).entry(grace)).toHaveAttribute("data-active", "false")
        await expect(page.getByTestId("notes").locator("li")).toHaveText(DEMO_NOTES[ada.email])
        // The styles are a stylesheet link, so the page looks the same without scripts.
        await expect(ui(page).header).toHaveCSS("display", "flex")
      } finally {
        await context.close()
      }
    })
  })
}

// With an account in each tab, a server render needs the account in its URL: the browser
// sends no per-tab header with a page load. SvelteKit's /u/<userId> names it (withAccount()).
test.describe("sveltekit: one account per URL", () => {
  let running: RunningApp | undefined
  test.beforeAll(async () => {
    running = await startApp(SERVER_RENDERED_APPS[0] as (typeof SERVER_RENDERED_APPS)[number])
    appURL = running.url
  })
  test.afterAll(async () => {
    await running?.stop()
  })

  test("two tabs on two /u/ URLs are rendered as two accounts; the device's account stays", async ({
    browser,
  }) => {
    // No JavaScript: what shows is the server's render alone.
    const context = await browser.newContext({ javaScriptEnabled: false })
    try {
      await signInByRequest(context.request, ada)
      await signInByRequest(context.request, grace)
      const list = await (
        await context.request.get(`${appURL}/api/auth/multi-session/list-device-sessions`)
      ).json()
      const idOf = (account: Account) =>
        list.find((entry: { user: { email: string } }) => entry.user.email === account.email).user
          .id as string
      const [one, two] = [await context.newPage(), await context.newPage()]
      await one.goto(`${appURL}/u/${idOf(ada)}`)
      await two.goto(`${appURL}/u/${idOf(grace)}`)
      await expect(one.getByTestId("url-account")).toContainText(ada.email)
      await expect(one.getByTestId("notes").locator("li")).toHaveText(DEMO_NOTES[ada.email])
      await expect(two.getByTestId("url-account")).toContainText(grace.email)
      await expect(two.getByTestId("notes").locator("li")).toHaveText(DEMO_NOTES[grace.email])
      // Each links to every account of the device by its URL.
      await expect(
        one.getByRole("list", { name: "Accounts by URL" }).getByRole("link"),
      ).toHaveCount(2)

      // An id this device does not hold is nobody, never the device's account.
      await one.goto(`${appURL}/u/not-a-user-of-this-device`)
      await expect(one.getByTestId("url-account")).toHaveText(
        "This account is not signed in on this device.",
      )
      await expect(one.getByTestId("notes")).toHaveCount(0)
      // Nothing of it moved the device's active account.
      expect(await sessionEmailOf(context.request)).toBe(grace.email)
    } finally {
      await context.close()
    }
  })
})

/** The device's active account, as a request that names none is answered. */
async function sessionEmailOf(request: APIRequestContext): Promise<string | null> {
  const session = await (await request.get(`${appURL}/api/auth/get-session`)).json()
  return session?.user.email ?? null
}
