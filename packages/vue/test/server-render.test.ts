// @vitest-environment node
import { expect, test } from "vitest"
import { createSSRApp, defineComponent, h } from "vue"
import { renderToString } from "vue/server-renderer"
import { multiSession } from "../src"
import AccountSwitcher from "./AccountSwitcher.vue"
import SessionPanel from "./SessionPanel.vue"
import { makeVueClient } from "./vue-client"

test("renders on the server without a request or window", async () => {
  const paths: string[] = []
  const client = makeVueClient((input, init) => {
    paths.push(new URL(input instanceof Request ? input.url : String(input)).pathname)
    return fetch(input, init)
  })
  const Page = defineComponent(() => () => [h(AccountSwitcher), h(SessionPanel, { client })])
  const html = await renderToString(createSSRApp(Page).use(multiSession, { client }))
  // Any touch of window would have thrown: this realm has none.
  expect(typeof window).toBe("undefined")
  expect(html).toContain("Loading accounts…")
  expect(html).toContain("Signed in as nobody")
  await new Promise((resolve) => setTimeout(resolve, 50))
  expect(paths).toEqual([])
})
