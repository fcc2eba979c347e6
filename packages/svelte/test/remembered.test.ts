// The binding hands out core's remembered accounts, and forget/forgetAll both as store
// methods and in its value: against the real server, rendered through Testing Library.
import { rememberAccounts } from "@multisession/core"
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte"
import { beforeEach, expect, test } from "vitest"
import { signOutAll, useServerOrigin } from "../../../test/browser"
import { makeSvelteClient, signUp } from "./auth-client"
import SignedOut from "./SignedOut.svelte"

beforeEach(async () => {
  useServerOrigin()
  await signOutAll()
  localStorage.clear()
})

const shown = () => screen.queryAllByRole("listitem").map((li) => li.firstChild?.textContent)

test("shows the accounts that left as remembered; forget and forgetAll remove them", async () => {
  const client = makeSvelteClient(fetch, { maximumSessions: 3, remember: rememberAccounts() })
  const [ada, bob] = [await signUp(client, "Ada"), await signUp(client, "Bob")]
  await signUp(client, "Cy")
  render(SignedOut, { props: { client } })
  await client.multiSession.revoke({ userId: ada.id })
  await client.multiSession.revoke({ userId: bob.id })
  await waitFor(() => expect(shown()).toEqual(["Bob", "Ada"]))
  await fireEvent.click(screen.getByRole("button", { name: "Remove Bob" }))
  await waitFor(() => expect(shown()).toEqual(["Ada"]))
  await client.multiSession.revoke({ userId: (await signUp(client, "Dee")).id })
  await waitFor(() => expect(shown()).toEqual(["Dee", "Ada"]))
  await fireEvent.click(screen.getByRole("button", { name: "Remove all" }))
  await waitFor(() => expect(shown()).toEqual([]))
})
