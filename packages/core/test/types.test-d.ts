import { createAuthClient } from "better-auth/client"
import { inferAdditionalFields } from "better-auth/client/plugins"
import { describe, expectTypeOf, test } from "vitest"
import {
  type DeviceSession,
  type DeviceSessionsState,
  getDeviceSessions,
  type MultiSessionError,
  multiSessionClient,
} from "../src"

const authClient = createAuthClient({ plugins: [multiSessionClient()] })

describe("multiSessionClient", () => {
  test("types the server plugin's calls", async () => {
    const { data } = await authClient.multiSession.listDeviceSessions()
    expectTypeOf(data).toEqualTypeOf<
      | {
          session: {
            id: string
            createdAt: Date
            updatedAt: Date
            userId: string
            expiresAt: Date
            token: string
            ipAddress?: string | null | undefined
            userAgent?: string | null | undefined
          }
          user: {
            id: string
            createdAt: Date
            updatedAt: Date
            email: string
            emailVerified: boolean
            name: string
            image?: string | null | undefined
          }
        }[]
      | null
    >()
    expectTypeOf(authClient.multiSession.setActive).toBeCallableWith({ sessionToken: "t" })
    expectTypeOf(authClient.multiSession.revoke).toBeCallableWith({ sessionToken: "t" })
  })

  test("accepts an entry or a user id instead of a token", () => {
    const entry = {} as DeviceSession
    expectTypeOf(authClient.multiSession.setActive).toBeCallableWith(entry)
    expectTypeOf(authClient.multiSession.revoke).toBeCallableWith({ userId: "u1" })
  })

  test("returns better-auth's { data, error } with a typed error", async () => {
    const result = await authClient.multiSession.setActive({ userId: "u1" })
    if (result.error) {
      expectTypeOf(result.error).toExtend<MultiSessionError>()
      expectTypeOf(result.error.code).toExtend<string>()
    } else {
      expectTypeOf(result.data.user.email).toEqualTypeOf<string>()
    }
  })

  test("carries the server's error codes", () => {
    expectTypeOf(
      authClient.$ERROR_CODES.INVALID_SESSION_TOKEN.code,
    ).toEqualTypeOf<"INVALID_SESSION_TOKEN">()
  })

  test("exposes the store through getAtoms as useDeviceSessions", () => {
    expectTypeOf(authClient.useDeviceSessions.get()).toEqualTypeOf<DeviceSessionsState>()
    expectTypeOf(authClient.useDeviceSessions.get().data).toEqualTypeOf<DeviceSession[] | null>()
  })
})

describe("getDeviceSessions", () => {
  test("types entries with the user fields the client knows", () => {
    const client = createAuthClient({
      plugins: [
        multiSessionClient(),
        inferAdditionalFields({ user: { plan: { type: "string", required: false } } }),
      ],
    })
    const { $deviceSessions } = getDeviceSessions(client)
    const entry = $deviceSessions.get().data?.[0]
    expectTypeOf(entry?.isActive).toEqualTypeOf<boolean | undefined>()
    expectTypeOf(entry?.user.plan).toEqualTypeOf<string | null | undefined>()
    expectTypeOf(entry?.session.token).toEqualTypeOf<string | undefined>()
  })
})
