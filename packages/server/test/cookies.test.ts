import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { type Device, encodeSigned, SESSION_TOKEN, splitSigned, type User } from "./device"
import { CONFIGS, deviceWith } from "./fixtures"
import { startServer, type TestServer } from "./server"

describe.each(CONFIGS)("the cookies a header request trusts (%s)", (_, config) => {
  let server: TestServer
  let device: Device
  let users: User[]
  let alice: User
  let bob: User
  let carol: User

  beforeAll(async () => {
    server = await startServer(config)
    ;({ device, users } = await deviceWith(server.url, ["Alice", "Bob", "Carol"]))
    ;[alice, bob, carol] = users as [User, User, User]
  })
  afterAll(() => server.close())

  /** The device's Cookie header after `change` edits a copy of its jar. */
  const tampered = (change: (jar: Map<string, string>) => void) => {
    const jar = new Map(device.jar)
    change(jar)
    return device.cookieHeader(jar)
  }

  test("the untouched jar answers as each account (the cases below differ by one cookie)", async () => {
    for (const user of users) expect(await device.whoIs(user.id)).toBe(user.id)
  })

  test("a forged signature is refused: another value's signature, or made-up bytes", async () => {
    const { signature: bobs } = splitSigned(device.multiCookie(bob.token)[1])
    for (const signature of [bobs, `${"A".repeat(43)}=`]) {
      const [name, value] = device.multiCookie(alice.token)
      const cookie = tampered((jar) =>
        jar.set(name, encodeSigned(splitSigned(value).token, signature)),
      )
      const reply = await device.send("/api/auth/get-session", { account: alice.id, cookie })
      expect(reply.body).toBeNull()
      expect(reply.setCookies).toEqual([])
    }
  })

  test("an unsigned value, the bare token, is refused", async () => {
    const [name] = device.multiCookie(alice.token)
    const cookie = tampered((jar) => jar.set(name, alice.token))
    expect(await device.whoIs(alice.id, cookie)).toBeNull()
  })

  test("a validly signed value under another multi cookie's name is refused", async () => {
    const [aliceName] = device.multiCookie(alice.token)
    const [bobName, bobValue] = device.multiCookie(bob.token)
    // Bob's own cookie is gone; his signed token sits under Alice's cookie's name.
    const cookie = tampered((jar) => {
      jar.delete(bobName)
      jar.set(aliceName, bobValue)
    })
    expect(await device.whoIs(bob.id, cookie)).toBeNull()
    expect(await device.whoIs(alice.id, cookie)).toBeNull()
    expect(await device.whoIs(carol.id, cookie)).toBe(carol.id)
  })

  test("the device's own session cookie is no multi cookie: without Carol's multi cookie, a header naming her is anonymous", async () => {
    const [carolName] = device.multiCookie(carol.token)
    const cookie = tampered((jar) => jar.delete(carolName))
    expect(device.jar.get(SESSION_TOKEN)).toBeDefined()
    expect(await device.whoIs(carol.id, cookie)).toBeNull()
    expect(await device.whoIs(undefined, cookie)).toBe(carol.id)
  })

  test("a revoked session's cookies, replayed, are refused (the cookie cache too)", async () => {
    const { device: other, users: two } = await deviceWith(server.url, [alice, bob])
    const [aliceThere] = two as [User, User]
    await other.send("/api/auth/multi-session/set-active", {
      body: { sessionToken: aliceThere.token },
    })
    const replay = other.copy()
    const revoked = await other.send("/api/auth/multi-session/revoke", {
      body: { sessionToken: aliceThere.token },
    })
    expect(revoked.status).toBe(200)
    const reply = await replay.send("/api/auth/get-session", { account: alice.id })
    expect(reply.body).toBeNull()
    expect(reply.setCookies).toEqual([])
    expect(await replay.whoamiRoute(alice.id)).toBeNull()
    // Without the header, better-auth's cookie cache still answers for the revoked session
    // until it expires (by design): the header request above did not use it.
    expect(await replay.whoIs()).toBe(config.cookieCache ? alice.id : null)
  })

  test("an expired session's cookie is refused, whether it is the device's active one or not", async () => {
    const { device: other, users: two } = await deviceWith(server.url, [alice, bob])
    const [aliceThere, bobThere] = two as [User, User]
    const past = new Date(Date.now() - 1000)
    await server.adapter.updateSession(aliceThere.token, { expiresAt: past })
    expect(await other.whoIs(bob.id)).toBe(bob.id)
    const reply = await other.send("/api/auth/get-session", { account: alice.id })
    expect(reply.body).toBeNull()
    expect(reply.setCookies).toEqual([])
    await server.adapter.updateSession(bobThere.token, { expiresAt: past })
    expect(await other.whoIs(bob.id)).toBeNull()
    expect(await other.whoamiRoute(bob.id)).toBeNull()
  })
})
