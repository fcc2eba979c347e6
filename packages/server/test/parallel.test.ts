import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { type Device, deviceStateSet, type User } from "./device"
import { CONFIGS, deviceWith, RANDOM_ID } from "./fixtures"
import { startServer, type TestServer } from "./server"

describe.each(CONFIGS)("60 requests at once with mixed headers (%s)", (_, config) => {
  let server: TestServer
  let device: Device
  let alice: User
  let bob: User
  let carol: User
  let dave: User

  beforeAll(async () => {
    server = await startServer(config)
    const here = await deviceWith(server.url, ["Alice", "Bob", "Carol"])
    device = here.device
    ;[alice, bob, carol] = here.users as [User, User, User]
    ;[dave] = (await deviceWith(server.url, ["Dave"])).users as [User]
  })
  afterAll(() => server.close())

  test("0 answers as the wrong account, 0 Set-Cookie of the device's session", async () => {
    // [header, the account it must answer as]: 6 kinds × 5 × 2 endpoints = 60 requests.
    const kinds: [string | undefined, string | null][] = [
      [alice.id, alice.id],
      [bob.id, bob.id],
      [carol.id, carol.id],
      [undefined, carol.id],
      [RANDOM_ID, null],
      [dave.id, null],
    ]
    const cases = Array.from({ length: 30 }, (_, i) => kinds[i % kinds.length] as (typeof kinds)[0])
    const cookie = device.cookieHeader()
    const answers = await Promise.all(
      cases.flatMap(([account, expected]) => [
        device.send("/api/auth/get-session", { account, cookie }).then((reply) => ({
          expected,
          got: (reply.body?.user?.id ?? null) as string | null,
          deviceCookies: deviceStateSet(reply).length,
          cookies: reply.setCookies.length,
        })),
        device.send("/app/whoami", { account, cookie }).then((reply) => ({
          expected,
          got: (reply.status === 200 ? reply.body.userId : null) as string | null,
          deviceCookies: deviceStateSet(reply).length,
          cookies: reply.setCookies.length,
        })),
      ]),
    )
    expect(answers).toHaveLength(60)
    expect(answers.filter((answer) => answer.got !== answer.expected)).toHaveLength(0)
    expect(answers.reduce((sum, answer) => sum + answer.deviceCookies, 0)).toBe(0)
    expect(answers.reduce((sum, answer) => sum + answer.cookies, 0)).toBe(0)
    const count = (id: string | null) => answers.filter((answer) => answer.got === id).length
    expect([count(alice.id), count(bob.id), count(carol.id), count(null)]).toEqual([10, 10, 20, 20])
    expect(await device.whoIs()).toBe(carol.id)
  })
})
