import { afterEach, beforeEach, expect, test, vi } from "vitest"
import { createSSRApp, defineComponent, h } from "vue"
import { renderToString } from "vue/server-renderer"
import { countingFetch, settleSignals, signOutAll, useServerOrigin } from "../../../test/browser"
import { multiSession } from "../src"
import AccountSwitcher from "./AccountSwitcher.vue"
import { makeVueClient, signUp } from "./vue-client"

beforeEach(async () => {
  useServerOrigin()
  await signOutAll()
})

afterEach(() => {
  vi.restoreAllMocks()
  document.body.innerHTML = ""
})

const Page = defineComponent(() => () => h(AccountSwitcher))

test("hydrates server HTML from a payload without a mismatch or a list request", async () => {
  const seed = makeVueClient()
  await signUp(seed, "Ada")
  await signUp(seed, "Bob")
  // What a Nuxt server route reads with auth.api for this device.
  const payload = {
    list: (await seed.multiSession.listDeviceSessions()).data ?? [],
    session: (await seed.getSession()).data,
  }
  const html = await renderToString(
    createSSRApp(Page).use(multiSession, { client: makeVueClient(), payload }),
  )
  expect(html).toContain("Bob")

  const container = document.createElement("div")
  container.innerHTML = html
  document.body.append(container)
  const warnings: string[] = []
  vi.spyOn(console, "warn").mockImplementation((...args) => warnings.push(args.join(" ")))
  vi.spyOn(console, "error").mockImplementation((...args) => warnings.push(args.join(" ")))
  const requests = countingFetch()
  const browser = makeVueClient(requests.fetch)
  createSSRApp(Page).use(multiSession, { client: browser, payload }).mount(container)
  await settleSignals()
  expect(warnings.filter((w) => /hydrat|mismatch/i.test(w))).toEqual([])
  expect(container.textContent).toContain("Ada")
  expect(container.textContent).toContain("Bob")
  expect(requests.count("/multi-session/list-device-sessions")).toBe(0)
})
