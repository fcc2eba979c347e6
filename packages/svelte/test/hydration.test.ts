import { readFile, rm, writeFile } from "node:fs/promises"
import { dirname, join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { hydrate, unmount } from "svelte"
import { compile } from "svelte/compiler"
import { render } from "svelte/server"
import { afterEach, beforeEach, expect, test, vi } from "vitest"
import { countingFetch, settleSignals, signOutAll, useServerOrigin } from "../../../test/browser"
import AccountSwitcher from "./AccountSwitcher.svelte"
import { makeSvelteClient, signUp } from "./auth-client"

// This project compiles components for the browser; the server build a SvelteKit server would
// run is made here with Svelte's own compiler, beside the source so its imports resolve.
const here = dirname(fileURLToPath(import.meta.url))
const serverFile = join(here, "AccountSwitcher.server.gen.js")

async function serverBuild() {
  const source = await readFile(join(here, "AccountSwitcher.svelte"), "utf8")
  const { js } = compile(source, { generate: "server", filename: "AccountSwitcher.svelte" })
  await writeFile(serverFile, js.code)
  return (await import(/* @vite-ignore */ pathToFileURL(serverFile).href))
    .default as typeof AccountSwitcher
}

beforeEach(async () => {
  useServerOrigin()
  await signOutAll()
})

afterEach(async () => {
  vi.restoreAllMocks()
  document.body.innerHTML = ""
  await rm(serverFile, { force: true })
})

test("hydrates server HTML from a payload with no loading flash and no list request", async () => {
  const seed = makeSvelteClient()
  await signUp(seed, "Ada")
  await signUp(seed, "Bob")
  // What a SvelteKit load function reads with auth.api for this device.
  const payload = {
    list: (await seed.multiSession.listDeviceSessions()).data ?? [],
    session: (await seed.getSession()).data,
  }
  const ServerSwitcher = await serverBuild()
  const { body } = render(ServerSwitcher, { props: { client: makeSvelteClient(), payload } })
  expect(body).toContain("Bob")

  const target = document.createElement("div")
  target.innerHTML = body
  document.body.append(target)
  const warnings: string[] = []
  vi.spyOn(console, "warn").mockImplementation((...args) => warnings.push(args.join(" ")))
  vi.spyOn(console, "error").mockImplementation((...args) => warnings.push(args.join(" ")))
  const requests = countingFetch()
  const browser = makeSvelteClient(requests.fetch)
  const app = hydrate(AccountSwitcher, { target, props: { client: browser, payload } })
  // Svelte repairs a mismatch quietly: what shows right after hydration is the real check.
  expect(target.querySelectorAll("[data-testid=account]")).toHaveLength(2)
  expect(target.textContent).not.toContain("Loading accounts…")
  await settleSignals()
  expect(warnings.filter((w) => /hydrat|mismatch/i.test(w))).toEqual([])
  expect(target.querySelectorAll("[data-testid=account]")).toHaveLength(2)
  expect(requests.count("/multi-session/list-device-sessions")).toBe(0)
  unmount(app)
})
