// The two server configurations every security case runs against, and a device signed in to a
// list of accounts.
import { Device, type User } from "./device"
import type { ServerConfig } from "./server"

export const CONFIGS: [string, ServerConfig][] = [
  ["cookie cache off", {}],
  ["cookie cache on", { cookieCache: true }],
]

/** A new device that signs up (a name) or signs in (a user) each, in order: the last is active. */
export async function deviceWith(
  url: string,
  accounts: (string | User)[],
): Promise<{ device: Device; users: User[] }> {
  const device = new Device(url)
  const users: User[] = []
  for (const account of accounts) {
    users.push(
      typeof account === "string" ? await device.signUp(account) : await device.signIn(account),
    )
  }
  return { device, users }
}

/** A user id no one has. */
export const RANDOM_ID = "kV3n8pQ2xZ7mW1rT5yB9cD4fG6hJ0aLs"
