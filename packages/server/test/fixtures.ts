// The two server configurations every security case runs against, and a device signed in to a
// list of accounts.
import { afterAll, beforeAll } from "vitest"
import { Device, type User } from "./device"
import { type ServerConfig, startServer, type TestServer } from "./server"

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

/** A started server, a device with Alice, Bob and Carol (Carol active), and Dave on another. */
export interface TwoDevices {
  server: TestServer
  device: Device
  alice: User
  bob: User
  carol: User
  dave: User
}

/**
 * Starts the server and signs the two devices in before the describe block's tests, and stops
 * it after them. The fields are filled in once `beforeAll` has run.
 */
export function useTwoDevices(config: ServerConfig): TwoDevices {
  const scene = {} as TwoDevices
  beforeAll(async () => {
    scene.server = await startServer(config)
    const here = await deviceWith(scene.server.url, ["Alice", "Bob", "Carol"])
    scene.device = here.device
    ;[scene.alice, scene.bob, scene.carol] = here.users as [User, User, User]
    ;[scene.dave] = (await deviceWith(scene.server.url, ["Dave"])).users as [User]
  })
  afterAll(() => scene.server.close())
  return scene
}
