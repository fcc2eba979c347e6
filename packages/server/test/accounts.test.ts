import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { Device, deviceStateSet, type User } from "./device"
import { CONFIGS, deviceWith, RANDOM_ID, useTwoDevices } from "./fixtures"
import { startServer, type TestServer } from "./server"

describe.each(CONFIGS)("the account a header request acts as (%s)", (_, config) => {
  const scene = useTwoDevices(config)

  test("each account signed in on the device answers as itself, in get-session and in the app's own route", async () => {
    for (const user of [scene.alice, scene.bob, scene.carol]) {
      const reply = await scene.device.send("/api/auth/get-session", { account: user.id })
      expect(reply.body.user.id).toBe(user.id)
      expect(reply.body.session.token).toBe(user.token)
      expect(deviceStateSet(reply)).toEqual([])
      expect(await scene.device.whoamiRoute(user.id)).toBe(user.id)
    }
  })

  test("without the header the device's active account answers, and header requests left it so", async () => {
    await scene.device.whoIs(scene.alice.id)
    await scene.device.whoIs(scene.bob.id)
    expect(await scene.device.whoIs()).toBe(scene.carol.id)
    expect(await scene.device.whoamiRoute()).toBe(scene.carol.id)
  })

  test("a random user id is anonymous, never the device's active account", async () => {
    const reply = await scene.device.send("/api/auth/get-session", { account: RANDOM_ID })
    expect(reply.body).toBeNull()
    expect(reply.setCookies).toEqual([])
    expect(await scene.device.whoamiRoute(RANDOM_ID)).toBeNull()
  })

  test("a user signed in on another device only is anonymous", async () => {
    expect(await scene.device.whoIs(scene.dave.id)).toBeNull()
    expect(await scene.device.whoamiRoute(scene.dave.id)).toBeNull()
  })

  test("a session token, raw or signed, instead of a user id is anonymous", async () => {
    const [, signed] = scene.device.multiCookie(scene.alice.token)
    for (const value of [scene.alice.token, signed, decodeURIComponent(signed)]) {
      expect(await scene.device.whoIs(value)).toBeNull()
      expect(await scene.device.whoamiRoute(value)).toBeNull()
    }
  })

  test("an empty header, or two ids in one, is anonymous", async () => {
    expect(await scene.device.whoIs("")).toBeNull()
    expect(await scene.device.whoIs(`${scene.alice.id}, ${scene.bob.id}`)).toBeNull()
    expect(await scene.device.whoIs(` ${scene.alice.id} `)).toBe(scene.alice.id) // HTTP trims a header's value
  })

  test("a device without cookies is anonymous whatever the header", async () => {
    const empty = new Device(scene.server.url)
    for (const user of [scene.alice, scene.bob, scene.carol])
      expect(await empty.whoIs(user.id)).toBeNull()
  })
})

describe("the header's name", () => {
  let server: TestServer

  beforeAll(async () => {
    server = await startServer({ header: "X-Tab-Account" })
  })
  afterAll(() => server.close())

  test("is the one given to perTabAccounts({ header }), and only that one", async () => {
    const { device, users } = await deviceWith(server.url, ["Erin", "Frank"])
    const [erin, frank] = users as [User, User]
    const tab = new Device(server.url, "x-tab-account")
    for (const [name, value] of device.jar) tab.jar.set(name, value)
    expect(await tab.whoIs(erin.id)).toBe(erin.id)
    expect(await tab.whoIs(RANDOM_ID)).toBeNull()
    // The default name means nothing to this server: the device's active account answers.
    expect(await device.whoIs(erin.id)).toBe(frank.id)
  })
})
