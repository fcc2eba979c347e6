// The binding hands out core's remembered accounts and its forget/forgetAll, and re-renders
// when they change: against the real server, rendered through Testing Library.
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react"
import { createAuthClient } from "better-auth/react"
import { afterEach, beforeEach, expect, inject, test } from "vitest"
import { disposedAfterTest, signOutAll, useServerOrigin } from "../../../test/browser"
import { multiSessionClient, rememberAccounts } from "../../core/src"
import { useDeviceSessions } from "../src"
import { signUp } from "./account-switcher"

beforeEach(async () => {
  useServerOrigin()
  await signOutAll()
  localStorage.clear()
})
afterEach(cleanup)

const client = () =>
  disposedAfterTest(
    createAuthClient({
      baseURL: inject("authURL"),
      plugins: [multiSessionClient({ maximumSessions: 3, remember: rememberAccounts() })],
    }),
  )

function SignedOut({ authClient }: { authClient: ReturnType<typeof client> }) {
  const { remembered, forget, forgetAll } = useDeviceSessions(authClient)
  return (
    <section>
      <ul>
        {remembered.map(({ user }) => (
          <li key={user.id}>
            {user.name}
            <button type="button" onClick={() => forget(user.id)}>
              Remove {user.name}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" onClick={forgetAll}>
        Remove all
      </button>
    </section>
  )
}

const shown = () => screen.queryAllByRole("listitem").map((li) => li.firstChild?.textContent)

test("shows the accounts that left as remembered; forget and forgetAll remove them", async () => {
  const authClient = client()
  const [ada, bob] = [await signUp(authClient, "Ada"), await signUp(authClient, "Bob")]
  await signUp(authClient, "Cy")
  render(<SignedOut authClient={authClient} />)
  await authClient.multiSession.revoke({ userId: ada.id })
  await authClient.multiSession.revoke({ userId: bob.id })
  await waitFor(() => expect(shown()).toEqual(["Bob", "Ada"]))
  fireEvent.click(screen.getByRole("button", { name: "Remove Bob" }))
  expect(shown()).toEqual(["Ada"])
  await authClient.multiSession.revoke({ userId: (await signUp(authClient, "Dee")).id })
  await waitFor(() => expect(shown()).toEqual(["Dee", "Ada"]))
  fireEvent.click(screen.getByRole("button", { name: "Remove all" }))
  expect(shown()).toEqual([])
})
