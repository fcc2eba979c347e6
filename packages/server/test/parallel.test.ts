import { describe, expect, test } from "vitest"
import { deviceStateSet } from "./device"
import { CONFIGS, RANDOM_ID, useTwoDevices } from "./fixtures"

describe.each(CONFIGS)("60 requests at once with mixed headers (%s)", (_, config) => {
  const scene = useTwoDevices(config)

  test("0 answers as the wrong account, 0 Set-Cookie of the device's session", async () => {
    // [header, the account it must answer as]: 6 kinds × 5 × 2 endpoints = 60 requests.
    const kinds: [string | undefined, string | null][] = [
      [scene.alice.id, scene.alice.id],
      [scene.bob.id, scene.bob.id],
      [scene.carol.id, scene.carol.id],
      [undefined, scene.carol.id],
      [RANDOM_ID, null],
      [scene.dave.id, null],
    ]
    const cases = Array.from({ length: 30 }, (_, i) => kinds[i % kinds.length] as (typeof kinds)[0])
    const cookie = scene.device.cookieHeader()
    const answers = await Promise.all(
      cases.flatMap(([account, expected]) => [
        scene.device.send("/api/auth/get-session", { account, cookie }).then((reply) => ({
          expected,
          got: (reply.body?.user?.id ?? null) as string | null,
          deviceCookies: deviceStateSet(reply).length,
          cookies: reply.setCookies.length,
        })),
        scene.device.send("/app/whoami", { account, cookie }).then((reply) => ({
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
    expect([
      count(scene.alice.id),
      count(scene.bob.id),
      count(scene.carol.id),
      count(null),
    ]).toEqual([10, 10, 20, 20])
    expect(await scene.device.whoIs()).toBe(scene.carol.id)
  })
})
