// @vitest-environment node
import { expect, test } from "vitest"
import { createSSRApp, defineComponent, h } from "vue"
import { renderToString } from "vue/server-renderer"
import { loadPayload } from "../../../test/server-payload"
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
  // a request of our own as a fence: whatever the render set off was sent before its answer
  await client.getSession()
  expect(paths).toEqual(["/api/auth/get-session"])
})

test("renders a server-loaded payload for that request only", async () => {
  const paths: string[] = []
  const client = makeVueClient((input, init) => {
    paths.push(String(input))
    return fetch(input, init)
  })
  const render = (payload?: Awaited<ReturnType<typeof loadPayload>>) =>
    renderToString(
      createSSRApp(defineComponent(() => () => h(AccountSwitcher))).use(multiSession, {
        client,
        payload,
      }),
    )
  const one = await render(await loadPayload(["Ada", "Bob"]))
  const two = await render(await loadPayload(["Cy"]))
  const three = await render()
  expect(one).toContain("Ada")
  expect(one).toContain("Bob")
  expect(one).not.toContain("Loading accounts…")
  expect(two).toContain("Cy")
  expect(two).not.toContain("Ada")
  expect(three).not.toContain("Ada")
  expect(three).toContain("Loading accounts…")
  expect(paths).toEqual([])
})
