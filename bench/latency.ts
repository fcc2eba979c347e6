// Chromium runs: switch latency (click → the new account's name on screen), and a switch seen
// by three real tabs. Debian's Chromium with the e2e suite's launch options; never a download.
import { mkdirSync } from "node:fs"
import { join } from "node:path"
import { type Browser, type BrowserContext, chromium, type Page } from "@playwright/test"
import { build } from "esbuild"
import e2eConfig from "../e2e/playwright.config"
import { OUT_DIR, writeResult } from "./lib/results"
import { PAGES, type PageName, startBenchServer } from "./lib/server"

const SWITCHES = Number(process.env.BENCH_SWITCHES ?? 40)
const WARMUP = 5
const NAMES = ["Ada", "Bob", "Cy"]
const PASSWORD = "correct-horse-battery"
const WWW = join(OUT_DIR, "www")

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function bundlePages() {
  mkdirSync(WWW, { recursive: true })
  await build({
    entryPoints: Object.fromEntries(
      // The careful baseline is the baseline's page; it reads its path.
      PAGES.map((name) => [
        name,
        join(import.meta.dirname, "pages", `${name === "careful" ? "baseline" : name}.tsx`),
      ]),
    ),
    outdir: WWW,
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "error",
  })
}

/** Signs the three accounts up in this browser context (Cy, the last, is active). */
async function signUpAll(page: Page, run: string) {
  await page.evaluate(
    async ({ names, password, run }) => {
      for (const name of names) {
        const res = await fetch("/api/auth/sign-up/email", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            name,
            password,
            email: `${name.toLowerCase()}-${run}@example.com`,
          }),
        })
        if (!res.ok) throw new Error(`sign-up of ${name}: ${res.status}`)
      }
    },
    { names: NAMES, password: PASSWORD, run },
  )
}

/** Waits until the page shows `name` as active with nothing in flight. */
async function shows(page: Page, name: string, timeout = 10_000) {
  await page.waitForFunction(
    (name) =>
      document.querySelector('[data-testid="active-account"]')?.textContent === name &&
      document.querySelector<HTMLElement>('[data-testid="switcher"]')?.dataset.settled === "true",
    name,
    { timeout, polling: 20 },
  )
}

/** A browser context for one side. */
async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext()
  // tsx names the functions handed to page.evaluate with an `__name` helper the page lacks.
  await context.addInitScript("globalThis.__name = (fn) => fn")
  return context
}

async function openSide(context: BrowserContext, url: string, side: PageName, run: string) {
  const page = await context.newPage()
  await page.goto(`${url}/${side}/`)
  await signUpAll(page, run)
  await page.reload()
  await shows(page, "Cy")
  return page
}

interface Timing {
  /** Click → the new name in the DOM (MutationObserver). */
  shown: number
  /** Click → the switch finished: list and session refetched, nothing pending. */
  settled: number
}

/** Clicks "Switch to <name>" and times it in the page with performance.now(). */
function timeSwitch(page: Page, name: string): Promise<Timing> {
  return page.evaluate(
    (name) =>
      new Promise<Timing>((resolve, reject) => {
        const button = document.querySelector<HTMLButtonElement>(
          `button[aria-label="Switch to ${name}"]`,
        )
        if (!button) return reject(new Error(`no button for ${name}`))
        let shown: number | null = null
        const check = () => {
          const now = performance.now()
          const active = document.querySelector('[data-testid="active-account"]')?.textContent
          const switcher = document.querySelector<HTMLElement>('[data-testid="switcher"]')
          if (active !== name) return
          if (shown === null) shown = now - start
          if (switcher?.dataset.settled === "true") {
            observer.disconnect()
            clearTimeout(timer)
            resolve({ shown, settled: now - start })
          }
        }
        const observer = new MutationObserver(check)
        observer.observe(document.body, {
          subtree: true,
          childList: true,
          characterData: true,
          attributes: true,
          attributeFilter: ["data-settled"],
        })
        const timer = setTimeout(() => {
          observer.disconnect()
          reject(new Error(`switch to ${name} did not finish`))
        }, 10_000)
        const start = performance.now()
        button.click()
      }),
    name,
  )
}

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
  const middle = sorted.length / 2
  const median =
    sorted.length % 2
      ? (sorted[Math.floor(middle)] ?? 0)
      : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
  return {
    n: values.length,
    median,
    p90: at(0.9),
    min: sorted[0] ?? 0,
    max: sorted[sorted.length - 1] ?? 0,
  }
}

async function latency(browser: Browser, url: string) {
  const sides = {} as Record<PageName, { page: Page; active: string; samples: Timing[] }>
  for (const name of PAGES) {
    const page = await openSide(await newContext(browser), url, name, `l-${name}`)
    sides[name] = { page, active: "Cy", samples: [] }
  }
  // Rotate the order of the sides, so the machine's noise falls on all alike.
  for (let i = 0; i < WARMUP + SWITCHES; i++) {
    const order = PAGES.map((_, k) => PAGES[(i + k) % PAGES.length] as PageName)
    for (const name of order) {
      const side = sides[name]
      const target = NAMES[(NAMES.indexOf(side.active) + 1) % NAMES.length] as string
      const timing = await timeSwitch(side.page, target)
      side.active = target
      // Let better-auth's late signals and any refetch finish before the next click.
      await shows(side.page, target)
      await sleep(100)
      if (i >= WARMUP) side.samples.push(timing)
    }
  }
  const summary = (samples: Timing[]) => ({
    shown: stats(samples.map((s) => s.shown)),
    settled: stats(samples.map((s) => s.settled)),
  })
  for (const side of Object.values(sides)) await side.page.context().close()
  return {
    switches: SWITCHES,
    warmup: WARMUP,
    ours: summary(sides.ours.samples),
    baseline: summary(sides.baseline.samples),
    careful: summary(sides.careful.samples),
    samples: Object.fromEntries(PAGES.map((name) => [name, sides[name].samples])),
  }
}

/** Three tabs of one side in one browser context; a switch in the first. */
async function tabs(browser: Browser, url: string, side: PageName) {
  const context = await newContext(browser)
  const first = await openSide(context, url, side, `t-${side}`)
  const pages = [first, await context.newPage(), await context.newPage()]
  for (const page of pages.slice(1)) {
    await page.goto(`${url}/${side}/`)
    await shows(page, "Cy")
  }
  const counts = pages.map(() => 0)
  let last = Date.now()
  pages.forEach((page, i) => {
    page.on("request", (request) => {
      if (!new URL(request.url()).pathname.startsWith("/api/auth/")) return
      counts[i] = (counts[i] ?? 0) + 1
      last = Date.now()
    })
  })
  const quiet = async () => {
    while (Date.now() - last < 500) await sleep(50)
  }
  const showing = () =>
    Promise.all(
      pages.map((page) =>
        page.evaluate(
          () => document.querySelector('[data-testid="active-account"]')?.textContent === "Ada",
        ),
      ),
    )
  const take = async () => {
    await quiet()
    const result = { requests: [...counts], current: (await showing()).filter(Boolean).length }
    counts.fill(0)
    return result
  }
  await quiet()
  counts.fill(0)

  // 1. Switch in the first tab; give the others up to 3 s to follow on their own.
  await first.click('button[aria-label="Switch to Ada"]')
  await shows(first, "Ada")
  await Promise.all(pages.slice(1).map((page) => shows(page, "Ada", 3_000).catch(() => {})))
  const afterSwitch = await take()

  // 2. Later (past both sides' 5 s focus throttles) the user returns to tabs 2 and 3.
  await sleep(5_100)
  for (const page of pages.slice(1)) {
    await page.evaluate(() => {
      document.dispatchEvent(new Event("visibilitychange", { bubbles: true }))
      window.dispatchEvent(new Event("focus"))
    })
    await shows(page, "Ada", 5_000).catch(() => {})
  }
  const afterReturn = await take()
  await context.close()
  return { afterSwitch, afterReturn }
}

const started = Date.now()
await bundlePages()
const server = await startBenchServer(WWW)
const browser = await chromium.launch({ ...e2eConfig.use?.launchOptions, headless: true })
try {
  const switchLatency = await latency(browser, server.url)
  writeResult("latency", {
    browser: `Chromium ${browser.version()}`,
    ...switchLatency,
  })
  const tabResults = {
    ours: await tabs(browser, server.url, "ours"),
    baseline: await tabs(browser, server.url, "baseline"),
  }
  writeResult("tabs", tabResults)
  const o = switchLatency.ours.shown.median
  const b = switchLatency.baseline.shown.median
  console.log(
    `latency: name on screen, median ${o.toFixed(1)} ms (ours) vs ${b.toFixed(1)} ms (baseline); ` +
      `tabs: ${JSON.stringify(tabResults)} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
  )
} finally {
  await browser.close()
  await server.close()
}
