import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { cookieName, deviceStateSet, SESSION_TOKEN, type User } from "./device"
import { CONFIGS, deviceWith } from "./fixtures"
import { startServer, type TestServer } from "./server"

const EXPIRES_IN = 3600
const UPDATE_AGE = 600

describe.each(CONFIGS)("a session refresh asked for with the header (%s)", (_, config) => {
  let server: TestServer

  beforeAll(async () => {
    server = await startServer({ ...config, expiresIn: EXPIRES_IN, updateAge: UPDATE_AGE })
  })
  afterAll(() => server.close())

  /** Makes a session look `age` seconds old, so that get-session refreshes it past updateAge. */
  const age = (token: string, seconds: number) =>
    server.adapter.updateSession(token, {
      expiresAt: new Date(Date.now() + (EXPIRES_IN - seconds) * 1000),
    })
  const expiresAt = async (token: string) =>
    (await server.adapter.findSession(token))?.session.expiresAt.getTime() ?? 0

  test("lands on that account's multi cookie; the device's session cookie and session stay", async () => {
    const { device, users } = await deviceWith(server.url, ["Alice", "Bob"])
    const [alice, bob] = users as [User, User]
    const fresh = await device.send("/api/auth/get-session", { account: alice.id })
    expect(fresh.setCookies).toEqual([]) // younger than updateAge: nothing to refresh
    await age(alice.token, 2 * UPDATE_AGE)
    const bobExpiry = await expiresAt(bob.token)
    const [aliceName, aliceValue] = device.multiCookie(alice.token)
    const sessionCookie = device.jar.get(SESSION_TOKEN)

    const reply = await device.send("/api/auth/get-session", { account: alice.id })
    expect(reply.body.user.id).toBe(alice.id)
    expect(reply.setCookies).toHaveLength(1)
    const [entry = ""] = reply.setCookies
    expect(cookieName(entry)).toBe(aliceName)
    expect(entry).toContain(`${aliceName}=${aliceValue};`)
    expect(entry).toContain(`Max-Age=${EXPIRES_IN}`)
    expect(await expiresAt(alice.token)).toBeGreaterThan(Date.now() + (EXPIRES_IN - 60) * 1000)
    expect(await expiresAt(bob.token)).toBe(bobExpiry)
    expect(device.jar.get(SESSION_TOKEN)).toBe(sessionCookie)
    expect(await device.whoIs()).toBe(bob.id)
  })

  test("the device's don't-remember-me flag neither stops it nor is touched", async () => {
    const { device, users } = await deviceWith(server.url, ["Carol", "Dave"])
    const [carol, dave] = users as [User, User]
    // Dave signs in again without "remember me": the flag is the device's, set for Dave.
    await device.signIn(dave, { rememberMe: false })
    expect(device.jar.has("better-auth.dont_remember")).toBe(true)
    await age(carol.token, 2 * UPDATE_AGE)
    const reply = await device.send("/api/auth/get-session", { account: carol.id })
    expect(reply.body.user.id).toBe(carol.id)
    expect(deviceStateSet(reply)).toEqual([])
    expect(reply.setCookies.map(cookieName)).toEqual([device.multiCookie(carol.token)[0]])
    expect(await expiresAt(carol.token)).toBeGreaterThan(Date.now() + (EXPIRES_IN - 60) * 1000)
    expect(device.jar.has("better-auth.dont_remember")).toBe(true)
  })
})
