// The device the apps run on: happy-dom pointed at the real test server, its cookie jar
// holding the accounts. Accounts are made with a bare better-auth client, so no app's
// counter sees the setup.
import { screen, waitFor } from "@testing-library/react"
import { createAuthClient } from "better-auth/client"
import { inject } from "vitest"
import {
  newEmail,
  PASSWORD,
  useServerOrigin as pointAtServer,
  signOutAll,
} from "../../test/browser"

export { PASSWORD }

/** The server's origin; happy-dom is pointed at it so its fetch keeps the cookies. */
export function serverOrigin(): string {
  return pointAtServer()
}

/**
 * Signs every account out of this device, then signs up `names` in order: the last one is
 * active. Returns their emails by name.
 *
 * @example
 * const { Ada } = await freshDevice(["Ada", "Bob", "Cy"])
 */
export async function freshDevice(names: string[]): Promise<Record<string, string>> {
  pointAtServer()
  await signOutAll()
  const setup = createAuthClient({ baseURL: inject("authURL") })
  const emails: Record<string, string> = {}
  for (const name of names) {
    const email = newEmail(name.toLowerCase())
    const { error } = await setup.signUp.email({ email, password: PASSWORD, name })
    if (error) throw new Error(`sign-up of ${name} failed: ${error.message}`)
    emails[name] = email
  }
  return emails
}

/** Signs every account out of this device. */
export { signOutAll }

/** The name the switcher shows as active. */
export const activeName = () => screen.queryByTestId("active-account")?.textContent ?? null

/**
 * Waits until the switcher shows `name` as active and has nothing in flight.
 *
 * @example
 * await shows("Ada")
 */
export async function shows(name: string, extra: () => boolean = () => true): Promise<void> {
  await waitFor(
    () => {
      const switcher = screen.getByTestId("switcher")
      if (activeName() !== name || switcher.dataset.settled !== "true" || !extra()) {
        throw new Error(`waiting for ${name}, shown: ${activeName()}`)
      }
    },
    { timeout: 10_000, interval: 10 },
  )
}

/** The names in the switcher's list. */
export const listedNames = () =>
  screen.queryAllByTestId("account").map((li) => li.querySelector("span")?.textContent ?? "")

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
