// The binding hands out core's remembered accounts as a ref and forget/forgetAll as they
// are: against the real server, rendered through Testing Library.
import { rememberAccounts } from "@multisession/core"
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/vue"
import { afterEach, beforeEach, expect, test } from "vitest"
import { defineComponent, h } from "vue"
import { signOutAll, useServerOrigin } from "../../../test/browser"
import { useDeviceSessions } from "../src"
import { makeVueClient, signUp, type VueClient } from "./vue-client"

beforeEach(async () => {
  useServerOrigin()
  await signOutAll()
  localStorage.clear()
})
afterEach(() => cleanup())

const SignedOut = defineComponent({
  // The client is a callable proxy, not a plain Object: no runtime prop type.
  props: ["client"],
  setup(props) {
    const { remembered, forget, forgetAll } = useDeviceSessions(props.client as VueClient)
    return () =>
      h("section", [
        h(
          "ul",
          remembered.value.map(({ user }) =>
            h("li", { key: user.id }, [
              user.name,
              h(
                "button",
                { type: "button", onClick: () => forget(user.id) },
                `Remove ${user.name}`,
              ),
            ]),
          ),
        ),
        h("button", { type: "button", onClick: forgetAll }, "Remove all"),
      ])
  },
})

const shown = () => screen.queryAllByRole("listitem").map((li) => li.firstChild?.textContent)

test("shows the accounts that left as remembered; forget and forgetAll remove them", async () => {
  const client = makeVueClient(fetch, { maximumSessions: 3, remember: rememberAccounts() })
  const [ada, bob] = [await signUp(client, "Ada"), await signUp(client, "Bob")]
  await signUp(client, "Cy")
  render(SignedOut, { props: { client } })
  await client.multiSession.revoke({ userId: ada.id })
  await client.multiSession.revoke({ userId: bob.id })
  await waitFor(() => expect(shown()).toEqual(["Bob", "Ada"]))
  await fireEvent.click(screen.getByRole("button", { name: "Remove Bob" }))
  expect(shown()).toEqual(["Ada"])
  await client.multiSession.revoke({ userId: (await signUp(client, "Dee")).id })
  await waitFor(() => expect(shown()).toEqual(["Dee", "Ada"]))
  await fireEvent.click(screen.getByRole("button", { name: "Remove all" }))
  expect(shown()).toEqual([])
})
