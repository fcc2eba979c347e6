import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { cookieName, deviceStateSet, PASSWORD, SESSION_TOKEN, type User } from "./device"
import { CONFIGS, deviceWith, RANDOM_ID } from "./fixtures"
import { startServer, type TestServer } from "./server"

describe.each(CONFIGS)("what each endpoint does with the header (%s)", (_, config) => {
  let server: TestServer
  let alice: User
  let bob: User
  let carol: User
  let dave: User

  beforeAll(async () => {
    server = await startServer(config)
    const { users } = await deviceWith(server.url, ["Alice", "Bob", "Carol", "Dave"])
    ;[alice, bob, carol, dave] = users as [User, User, User, User]
  })
  afterAll(() => server.close())

  /** A new device with Alice, Bob and Carol signed in: Carol is its active account. */
  const threeAccounts = () => deviceWith(server.url, [alice, bob, carol])

  test("update-user changes the header's account only, and sets no device cookie", async () => {
    const { device, users } = await threeAccounts()
    const [, bobHere, carolHere] = users as [User, User, User]
    const reply = await device.send("/api/auth/update-user", {
      account: bobHere.id,
      body: { name: "Robert" },
    })
    expect(reply.status).toBe(200)
    expect(deviceStateSet(reply)).toEqual([])
    const asBob = await device.send("/api/auth/get-session", { account: bobHere.id })
    expect(asBob.body.user.name).toBe("Robert")
    const asDevice = await device.send("/api/auth/get-session")
    expect(asDevice.body.user).toMatchObject({ id: carolHere.id, name: "Carol" })
    await device.send("/api/auth/update-user", { account: bobHere.id, body: { name: "Bob" } })
  })

  test("an endpoint behind the session middleware refuses a header naming no account here", async () => {
    const { device } = await threeAccounts()
    for (const account of [RANDOM_ID, dave.id]) {
      const reply = await device.send("/api/auth/update-user", {
        account,
        body: { name: "Mallory" },
      })
      expect(reply.status).toBe(401)
      expect(reply.setCookies).toEqual([])
    }
    const names = await Promise.all(
      [alice, bob, carol].map(
        async (user) =>
          (await device.send("/api/auth/get-session", { account: user.id })).body.user.name,
      ),
    )
    expect(names).toEqual(["Alice", "Bob", "Carol"])
  })

  test("revoke-session of the header's own session clears that account's multi cookie only", async () => {
    const { device, users } = await threeAccounts()
    const [, bobHere, carolHere] = users as [User, User, User]
    const sessionToken = device.jar.get(SESSION_TOKEN)
    const [bobName] = device.multiCookie(bobHere.token)
    const reply = await device.send("/api/auth/revoke-session", {
      account: bobHere.id,
      body: { token: bobHere.token },
    })
    expect(reply.status).toBe(200)
    expect(deviceStateSet(reply)).toEqual([])
    expect(reply.setCookies.map(cookieName)).toEqual([bobName])
    expect(device.jar.has(bobName)).toBe(false)
    expect(device.jar.get(SESSION_TOKEN)).toBe(sessionToken)
    expect(await device.whoIs()).toBe(carolHere.id)
    expect(device.multiCookieNames()).toHaveLength(2)
  })

  test("list-sessions lists the header's account's sessions", async () => {
    const { device } = await threeAccounts()
    const mine = await device.send("/api/auth/list-sessions", { account: alice.id })
    expect(mine.status).toBe(200)
    expect(mine.body.length).toBeGreaterThan(0)
    expect(new Set(mine.body.map((s: { userId: string }) => s.userId))).toEqual(new Set([alice.id]))
  })

  test("list-device-sessions lists the whole device, whatever the header", async () => {
    const { device } = await threeAccounts()
    for (const account of [undefined, alice.id, dave.id]) {
      const list = await device.send("/api/auth/multi-session/list-device-sessions", { account })
      expect(list.body.map((entry: { user: User }) => entry.user.id)).toEqual(
        expect.arrayContaining([alice.id, bob.id, carol.id]),
      )
      expect(list.body).toHaveLength(3)
    }
  })

  test("set-active ignores the header: the device's active account changes", async () => {
    const { device, users } = await threeAccounts()
    const [aliceHere] = users as [User]
    const reply = await device.send("/api/auth/multi-session/set-active", {
      account: bob.id,
      body: { sessionToken: aliceHere.token },
    })
    expect(reply.status).toBe(200)
    expect(deviceStateSet(reply).map((entry) => entry.split("=")[0])).toContain(SESSION_TOKEN)
    expect(await device.whoIs()).toBe(alice.id)
  })

  test("sign-in and sign-up ignore the header: the account signed in becomes the device's active one", async () => {
    const { device } = await deviceWith(server.url, [alice, bob])
    await device.signIn(dave)
    expect(await device.whoIs()).toBe(dave.id)
    const again = await device.send("/api/auth/sign-in/email", {
      account: dave.id,
      body: { email: alice.email, password: PASSWORD },
    })
    expect(again.status).toBe(200)
    expect(await device.whoIs()).toBe(alice.id)
    const signUp = await device.send("/api/auth/sign-up/email", {
      account: alice.id,
      body: {
        email: `erin-${config.cookieCache ? "on" : "off"}@example.com`,
        password: PASSWORD,
        name: "Erin",
      },
    })
    expect(signUp.status).toBe(200)
    expect(await device.whoIs()).toBe(signUp.body.user.id)
  })

  test("sign-out ignores the header: every session on the device ends", async () => {
    const { device, users } = await threeAccounts()
    const reply = await device.send("/api/auth/sign-out", { account: alice.id, body: {} })
    expect(reply.status).toBe(200)
    expect(device.multiCookieNames()).toEqual([])
    expect(device.jar.has(SESSION_TOKEN)).toBe(false)
    for (const user of users) expect(await server.adapter.findSession(user.token)).toBeNull()
    expect(await device.whoIs()).toBeNull()
  })

  test("revoke ends the session named in the body, only one the device holds, whatever the header", async () => {
    const { device, users } = await threeAccounts()
    const [, bobHere] = users as [User, User]
    const reply = await device.send("/api/auth/multi-session/revoke", {
      account: alice.id,
      body: { sessionToken: bobHere.token },
    })
    expect(reply.status).toBe(200)
    expect(await server.adapter.findSession(bobHere.token)).toBeNull()
    expect(await device.whoIs(bob.id)).toBeNull()
    expect(await device.whoIs()).toBe(carol.id)
    // Dave's session lives on another device: naming his token is refused, his session stays.
    const foreign = await device.send("/api/auth/multi-session/revoke", {
      account: alice.id,
      body: { sessionToken: dave.token },
    })
    expect(foreign.status).toBe(401)
    expect(await server.adapter.findSession(dave.token)).not.toBeNull()
  })

  test("revoking the device's active account, from a tab showing it, moves the device to another", async () => {
    const { device, users } = await threeAccounts()
    const [aliceHere, , carolHere] = users as [User, User, User]
    const reply = await device.send("/api/auth/multi-session/revoke", {
      account: carolHere.id,
      body: { sessionToken: carolHere.token },
    })
    expect(reply.status).toBe(200)
    expect(await server.adapter.findSession(carolHere.token)).toBeNull()
    expect([aliceHere.id, bob.id]).toContain(await device.whoIs())
    expect(await device.whoIs(carolHere.id)).toBeNull()
  })

  test("change-password revoking other sessions ends the header account's other sessions only", async () => {
    const { device, users } = await threeAccounts()
    const [aliceHere, bobHere, carolHere] = users as [User, User, User]
    const [bobElsewhere] = (await deviceWith(server.url, [bob])).users as [User]
    const sessionToken = device.jar.get(SESSION_TOKEN)
    const reply = await device.send("/api/auth/change-password", {
      account: bob.id,
      body: { currentPassword: PASSWORD, newPassword: `${PASSWORD}-2`, revokeOtherSessions: true },
    })
    expect(reply.status).toBe(200)
    expect(deviceStateSet(reply)).toEqual([])
    expect(await server.adapter.findSession(bobElsewhere.token)).toBeNull()
    // Bob's old multi cookie went with his old session; his new session took its place.
    const newToken: string = reply.body.token
    expect(device.multiCookieNames().sort()).toEqual(
      [aliceHere.token, newToken, carolHere.token].map((t) => device.multiCookie(t)[0]).sort(),
    )
    expect(device.jar.has(device.multiCookie(newToken)[0])).toBe(true)
    expect(await server.adapter.findSession(bobHere.token)).toBeNull()
    expect((await server.adapter.listSessions(bob.id)).map((s) => s.token)).toEqual([newToken])
    expect(await device.whoIs(bob.id)).toBe(bob.id)
    expect(await device.whoIs(alice.id)).toBe(alice.id)
    expect(await device.whoIs()).toBe(carol.id)
    expect(device.jar.get(SESSION_TOKEN)).toBe(sessionToken)
    await device.send("/api/auth/change-password", {
      account: bob.id,
      body: { currentPassword: `${PASSWORD}-2`, newPassword: PASSWORD },
    })
  })
})

describe("on a device at multiSession()'s maximumSessions", () => {
  let server: TestServer

  beforeAll(async () => {
    server = await startServer({ maximumSessions: 3 })
  })
  afterAll(() => server.close())

  test("change-password's new session still gets its multi cookie (multiSession() sets none when full)", async () => {
    const { device, users } = await deviceWith(server.url, ["Alice", "Bob", "Carol"])
    const [, bob] = users as [User, User, User]
    const reply = await device.send("/api/auth/change-password", {
      account: bob.id,
      body: { currentPassword: PASSWORD, newPassword: `${PASSWORD}-2`, revokeOtherSessions: true },
    })
    expect(reply.status).toBe(200)
    expect(device.multiCookieNames()).toHaveLength(3)
    expect(device.jar.has(device.multiCookie(reply.body.token)[0])).toBe(true)
    expect(await device.whoIs(bob.id)).toBe(bob.id)
  })
})
