// The binding hands out core's remembered accounts in its store, and forget/forgetAll:
// against the real server, rendered through Testing Library.
import { cleanup, fireEvent, render, screen, waitFor } from "@solidjs/testing-library"
import { For } from "solid-js"
import { afterEach, beforeEach, expect, test } from "vitest"
import { signOutAll, useServerOrigin } from "../../../test/browser"
import { rememberAccounts } from "../../core/src"
import { useDeviceSessions } from "../src"
import { makeSolidClient, type SolidClient, signUp } from "./solid-client"

beforeEach(async () => {
  useServerOrigin()
  await signOutAll()
  localStorage.clear()
})
afterEach(cleanup)

function SignedOut(props: { client: SolidClient }) {
  const accounts = useDeviceSessions(props.client)
  return (
    <section>
      <ul>
        <For each={accounts.remembered}>
          {({ user }) => (
            <li>
              {user.name}
              <button type="button" onClick={() => accounts.forget(user.id)}>
                Remove {user.name}
              </button>
            </li>
          )}
        </For>
      </ul>
      <button type="button" onClick={() => accounts.forgetAll()}>
        Remove all
      </button>
    </section>
  )
}

const shown = () => screen.queryAllByRole("listitem").map((li) => li.firstChild?.textContent)

test("shows the accounts that left as remembered; forget and forgetAll remove them", async () => {
  const client = makeSolidClient(fetch, { maximumSessions: 3, remember: rememberAccounts() })
  const [ada, bob] = [await signUp(client, "Ada"), await signUp(client, "Bob")]
  await signUp(client, "Cy")
  render(() => <SignedOut client={client} />)
  await client.multiSession.revoke({ userId: ada.id })
  await client.multiSession.revoke({ userId: bob.id })
  await waitFor(() => expect(shown()).toEqual(["Bob", "Ada"]))
  fireEvent.click(screen.getByRole("button", { name: "Remove Bob" }))
  expect(shown()).toEqual(["Ada"])
  await client.multiSession.revoke({ userId: (await signUp(client, "Dee")).id })
  await waitFor(() => expect(shown()).toEqual(["Dee", "Ada"]))
  fireEvent.click(screen.getByRole("button", { name: "Remove all" }))
  expect(shown()).toEqual([])
})
