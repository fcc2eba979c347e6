import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import {
  Device,
  deviceStateSet,
  encodeSigned,
  SESSION_TOKEN,
  splitSigned,
  type User,
} from "./device"
import { CONFIGS, deviceWith, RANDOM_ID } from "./fixtures"
import { startServer, type TestServer } from "./server"

/** One cookie a jar may hold, and the account it proves, if any. */
interface Piece {
  label: string
  name: string
  value: string
  /** The user this cookie lets a request act as; null for every forged, stale or misplaced one. */
  owner: string | null
}

/**
 * The rule, written apart from the code: with the header naming U, a request acts as U only if
 * (and then always) it holds U's valid signed multi cookie under its own name. The first cookie
 * of a name is the one read, as in better-auth. Without the header, the session cookie decides.
 */
function expected(jar: Piece[], header: string | undefined): string | null {
  const first = new Map<string, Piece>()
  for (const piece of jar) if (!first.has(piece.name)) first.set(piece.name, piece)
  if (header === undefined) return first.get(SESSION_TOKEN)?.owner ?? null
  const multi = [...first.values()].filter((piece) => piece.name !== SESSION_TOKEN)
  return multi.some((piece) => piece.owner === header) ? header : null
}

describe.each(CONFIGS)("headers and cookie jars, at random (%s)", (_, config) => {
  let server: TestServer
  let users: User[]
  let pieces: Piece[]

  beforeAll(async () => {
    server = await startServer(config)
    const home = await deviceWith(server.url, ["U0", "U1", "U2", "U3"])
    const away = await deviceWith(server.url, ["U4"])
    users = [...home.users, ...away.users]
    const [u0, u1, u2, u3] = users as [User, User, User, User]
    const revoked = await deviceWith(server.url, [u0])
    const expired = await deviceWith(server.url, [u1])
    const [revokedUser] = revoked.users as [User]
    const [expiredUser] = expired.users as [User]
    await server.adapter.deleteSession(revokedUser.token)
    await server.adapter.updateSession(expiredUser.token, { expiresAt: new Date(Date.now() - 1) })

    const multi = (device: typeof home.device, user: User, owner: string | null, label: string) => {
      const [name, value] = device.multiCookie(user.token)
      return { label, name, value, owner }
    }
    const genuine = [
      ...home.users.map((user) => multi(home.device, user, user.id, `${user.name} multi`)),
      multi(
        away.device,
        away.users[0] as User,
        (away.users[0] as User).id,
        "U4 multi, other device",
      ),
    ]
    const [g0, g1, g2, g3] = genuine as [Piece, Piece, Piece, Piece]
    const { signature: otherSignature } = splitSigned(g1.value)
    pieces = [
      ...genuine,
      multi(revoked.device, revokedUser, null, "U0 multi, revoked"),
      multi(expired.device, expiredUser, null, "U1 multi, expired"),
      ...[g0, g1, g2, g3].map((g) => ({
        label: `${g.label}, forged signature`,
        name: g.name,
        value: encodeSigned(
          splitSigned(g.value).token,
          g === g1 ? `${"A".repeat(43)}=` : otherSignature,
        ),
        owner: null,
      })),
      { label: "U0 multi, unsigned", name: g0.name, value: u0.token, owner: null },
      { label: "U2 multi, unsigned", name: g2.name, value: u2.token, owner: null },
      { label: "U1's value under U0's name", name: g0.name, value: g1.value, owner: null },
      { label: "U3's value under U2's name", name: g2.name, value: g3.value, owner: null },
      {
        label: "session: U3",
        name: SESSION_TOKEN,
        value: home.device.jar.get(SESSION_TOKEN) as string,
        owner: u3.id,
      },
      { label: "session: U0", name: SESSION_TOKEN, value: g0.value, owner: u0.id },
      {
        label: "session: revoked U0",
        name: SESSION_TOKEN,
        value: revoked.device.jar.get(SESSION_TOKEN) as string,
        owner: null,
      },
      ...[...home.device.jar]
        .filter(([name]) => name.startsWith("better-auth.session_data"))
        .map(([name, value]) => ({ label: "U3's cookie cache", name, value, owner: null })),
    ]
  })
  afterAll(() => server.close())

  test("acts as U only if the request holds U's valid signed multi cookie (100 runs)", async () => {
    const [u0] = users as [User]
    const headers = () => [
      ...users.map((user) => user.id),
      RANDOM_ID,
      u0.token,
      decodeURIComponent(pieces[0]?.value ?? ""),
      "",
    ]
    let actedAs = 0
    let refused = 0
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(pieces),
        fc.option(fc.constantFrom(...headers()), { nil: undefined }),
        fc.boolean(),
        async (jar, header, appRoute) => {
          const cookie = jar.map((piece) => `${piece.name}=${piece.value}`).join("; ")
          const device = new Device(server.url)
          const path = appRoute ? "/app/whoami" : "/api/auth/get-session"
          const reply = await device.send(path, { account: header, cookie })
          const got = appRoute
            ? reply.status === 200
              ? reply.body.userId
              : null
            : (reply.body?.user?.id ?? null)
          expect(got).toBe(expected(jar, header))
          if (header === undefined) return
          expect(deviceStateSet(reply)).toEqual([])
          if (got === null) refused++
          else actedAs++
        },
      ),
      { numRuns: 100 },
    )
    // Both sides of the rule were exercised, not just the refusals.
    expect(actedAs).toBeGreaterThan(0)
    expect(refused).toBeGreaterThan(0)
  })
})
