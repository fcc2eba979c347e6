// Loads each built scratch app in Debian's Chromium against the real example server, signs two
// demo accounts in through the app's own auth client, switches, reloads, and reads the list.
import { randomBytes } from "node:crypto"
import { existsSync, mkdtempSync, rmSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../examples/server/src/demo-accounts"
import { startServer } from "../../examples/server/src/server"

// Playwright is e2e/'s dependency, which TypeScript cannot resolve from here: the part this file
// uses, typed by hand (a wrong call fails the run itself).
interface Playwright {
  chromium: {
    launch(options: { executablePath: string; args: string[] }): Promise<Browser>
  }
}
interface Browser {
  newContext(): Promise<BrowserContext>
  close(): Promise<void>
}
interface BrowserContext {
  route(url: string, handler: (route: Route) => Promise<void>): Promise<void>
  newPage(): Promise<Page>
  close(): Promise<void>
}
interface Route {
  request(): { url(): string }
  fulfill(response: { status?: number; path?: string }): Promise<void>
}
interface Page {
  on(event: "pageerror", listener: (error: Error) => void): void
  on(event: "console", listener: (message: { type(): string; text(): string }) => void): void
  on(
    event: "requestfailed",
    listener: (request: { url(): string; failure(): { errorText: string } | null }) => void,
  ): void
  goto(url: string): Promise<unknown>
  reload(): Promise<unknown>
  evaluate<R>(fn: () => R): Promise<R>
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>
  getByRole(role: "button", options: { name: string }): { click(): Promise<void> }
  waitForTimeout(ms: number): Promise<void>
}

const CHROMIUM = "/usr/bin/chromium"
/** Where the apps appear, on the server's own origin (Playwright answers these requests). */
const MOUNT = "/install-check/"
const STEP_TIMEOUT_MS = 10_000

export interface BrowserSession {
  /** Loads `dist` (a built scratch app) and walks it through the steps; throws what went wrong. */
  check(dist: string): Promise<void>
  close(): Promise<void>
}

/**
 * Starts the example server (fresh SQLite file, demo accounts) and Chromium.
 *
 * @example
 * const browser = await openBrowser("/work/main")
 * await browser.check("/tmp/app/react/dist")
 * await browser.close()
 */
export async function openBrowser(repo: string): Promise<BrowserSession> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: apt-get install -y chromium (no browser is downloaded)`,
    )
  }
  // e2e/'s Playwright: the one this repository already installs, without a browser download.
  const require = createRequire(join(repo, "e2e", "package.json"))
  const loaded = await import(pathToFileURL(require.resolve("@playwright/test")).href)
  const playwright = (loaded.default ?? loaded) as Playwright
  const browser = await playwright.chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox"],
  })

  const dataDir = mkdtempSync(join(tmpdir(), "multisession-install-check-db-"))
  const server = await startServer({
    port: 0,
    host: "127.0.0.1",
    databaseFile: join(dataDir, "auth.sqlite"),
    seed: true,
    secret: randomBytes(32).toString("hex"),
    log: () => {},
    authLogLevel: "error",
  }).catch(async (error: unknown) => {
    await browser.close()
    rmSync(dataDir, { recursive: true, force: true })
    throw error
  })
  const origin = `http://127.0.0.1:${server.port}`
  let apps = 0

  return {
    async check(dist) {
      // Each app gets a path of its own under the server's origin, so the auth API is same-origin
      // (the server trusts it) while the files come from the scratch app's dist.
      const base = `${MOUNT}${apps++}/`
      const context = await browser.newContext()
      const problems: string[] = []
      try {
        await context.route(`${origin}${base}**`, (route) => {
          const rest = new URL(route.request().url()).pathname.slice(base.length)
          const file = join(dist, rest === "" ? "index.html" : decodeURIComponent(rest))
          if (!file.startsWith(dist) || !existsSync(file)) return route.fulfill({ status: 404 })
          return route.fulfill({ path: file })
        })
        const page = await context.newPage()
        page.on("pageerror", (error) => problems.push(`page error: ${error.message}`))
        page.on("console", (message) => {
          if (message.type() === "error") problems.push(`console error: ${message.text()}`)
        })
        page.on("requestfailed", (request) => {
          // Aborted: by a reload, or by core superseding its own list request. Not a failure.
          const reason = request.failure()?.errorText ?? "?"
          if (reason !== "net::ERR_ABORTED")
            problems.push(`request failed: ${request.url()} (${reason})`)
        })
        await walk(page, `${origin}${base}`, problems)
      } finally {
        await context.close()
      }
    },
    async close() {
      await browser.close()
      await server.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** What the app shows: `ready|Grace Hopper|Ada Lovelace,Grace Hopper*` (`*` the pressed entry). */
interface View {
  state: string
  active: string
  list: string
}

async function walk(page: Page, url: string, problems: string[]) {
  const [ada, grace] = DEMO_ACCOUNTS
  const expect = async (step: string, want: View) => {
    const started = Date.now()
    let seen: View | null = null
    while (Date.now() - started < STEP_TIMEOUT_MS) {
      seen = await page.evaluate(readView)
      if (problems.length) break
      if (seen.state === want.state && seen.active === want.active && seen.list === want.list) {
        return
      }
      await page.waitForTimeout(50)
    }
    const saw = seen ? `${seen.state} | active: ${seen.active} | list: ${seen.list}` : "nothing"
    const wanted = `${want.state} | active: ${want.active} | list: ${want.list}`
    throw new Error(
      [`${step}: expected "${wanted}", saw "${saw}"`, ...problems.slice(0, 5)].join("\n"),
    )
  }
  const signIn = async (email: string) => {
    const error = await page.evaluate(
      async ({ email, password }) => {
        const client = (window as unknown as { authClient: AuthClientLike }).authClient
        const { error } = await client.signIn.email({ email, password })
        return error ? `${error.status} ${error.code ?? error.message}` : null
      },
      { email, password: DEMO_PASSWORD },
    )
    if (error) throw new Error(`signing in ${email} through the app's client failed: ${error}`)
  }

  await page.goto(url)
  await expect("signed out", { state: "ready", active: "none", list: "" })
  await signIn(ada.email)
  await expect(`after signing in ${ada.email}`, {
    state: "ready",
    active: ada.name,
    list: `${ada.name}*`,
  })
  await signIn(grace.email)
  await expect(`after signing in ${grace.email} too`, {
    state: "ready",
    active: grace.name,
    list: `${ada.name},${grace.name}*`,
  })
  await page.getByRole("button", { name: ada.name }).click()
  // `switching` holds the state at "switching" until the server, the list and the session agree.
  await expect(`after switching to ${ada.name}`, {
    state: "ready",
    active: ada.name,
    list: `${ada.name}*,${grace.name}`,
  })
  await page.reload()
  await expect("after a reload", {
    state: "ready",
    active: ada.name,
    list: `${ada.name}*,${grace.name}`,
  })
}

interface AuthClientLike {
  signIn: {
    email(body: { email: string; password: string }): Promise<{
      error: { status: number; code?: string; message?: string } | null
    }>
  }
}

/** Runs in the page. */
function readView(): View {
  const main = document.querySelector("main")
  const names = [...document.querySelectorAll("main li button")].map(
    (button) =>
      `${button.textContent?.trim()}${button.getAttribute("aria-pressed") === "true" ? "*" : ""}`,
  )
  return {
    state: main?.dataset.state ?? "not rendered",
    active: document.querySelector("#active")?.textContent?.trim() ?? "",
    list: names.sort().join(","),
  }
}
