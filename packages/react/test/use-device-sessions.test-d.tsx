import type { Session, User } from "better-auth"
import { createAuthClient as createVanillaClient } from "better-auth/client"
import { inferAdditionalFields } from "better-auth/client/plugins"
import { createAuthClient } from "better-auth/react"
import { describe, expectTypeOf, test } from "vitest"
import type { TestAuth } from "../../../test/auth-server"
import { multiSessionClient, type RememberedAccount } from "../../core/src"
import {
  type DeviceSession,
  type DeviceSessionsState,
  type InferDeviceSession,
  MultiSessionProvider,
  type MutationResult,
  useDeviceSessions,
} from "../src"

const authClient = createAuthClient({
  plugins: [multiSessionClient(), inferAdditionalFields<TestAuth>()],
})
type Entry = InferDeviceSession<typeof authClient>

describe("useDeviceSessions(authClient)", () => {
  const result = useDeviceSessions(authClient)

  test("types the entries from the client, custom user fields included", () => {
    expectTypeOf(result.data).toEqualTypeOf<Entry[] | null>()
    expectTypeOf(result.active).toEqualTypeOf<Entry | null>()
    const entry = result.data?.[0]
    expectTypeOf(entry?.isActive).toEqualTypeOf<boolean | undefined>()
    expectTypeOf(entry?.user.plan).toEqualTypeOf<string | null | undefined>()
    expectTypeOf(entry?.user.email).toEqualTypeOf<string | undefined>()
    expectTypeOf(entry?.session.token).toEqualTypeOf<string | undefined>()
  })

  test("returns the store's state with its pending flags", () => {
    expectTypeOf(result).toExtend<DeviceSessionsState<Entry>>()
    expectTypeOf(result.isPending).toEqualTypeOf<boolean>()
    expectTypeOf(result.isRefetching).toEqualTypeOf<boolean>()
    expectTypeOf(result.switching).toEqualTypeOf<string | null>()
    expectTypeOf(result.revoking).toEqualTypeOf<readonly string[]>()
    expectTypeOf(result.isAtCapacity).toEqualTypeOf<boolean>()
    expectTypeOf(result.activeNotListed).toEqualTypeOf<boolean>()
    expectTypeOf(result.refetch).toEqualTypeOf<() => Promise<void>>()
  })

  test("takes an entry, a user id or a token in setActive and revoke, with one result type", () => {
    const entry = {} as Entry
    expectTypeOf(result.setActive).toBeCallableWith(entry)
    expectTypeOf(result.setActive).toBeCallableWith({ userId: "u1" })
    expectTypeOf(result.setActive).toBeCallableWith({ sessionToken: "t" })
    expectTypeOf(result.revoke).toBeCallableWith(entry)
    expectTypeOf(result.setActive).returns.toEqualTypeOf<
      Promise<MutationResult<{ session: Entry["session"]; user: Entry["user"] }>>
    >()
    expectTypeOf(result.revoke).returns.toEqualTypeOf<
      Promise<MutationResult<{ status: boolean }>>
    >()
    // @ts-expect-error a number names no account
    result.setActive(42)
    // @ts-expect-error a bare string could be a user id or a token
    result.setActive("u1")
  })
})

describe("useDeviceSessions() under a provider", () => {
  test("types entries with better-auth's Session and User by default", () => {
    expectTypeOf(useDeviceSessions().data).toEqualTypeOf<DeviceSession<Session, User>[] | null>()
  })

  test("takes the client's type as a type argument", () => {
    expectTypeOf(useDeviceSessions<typeof authClient>().data).toEqualTypeOf<Entry[] | null>()
  })

  test("takes a payload typed from the client", () => {
    expectTypeOf(MultiSessionProvider<typeof authClient>)
      .parameter(0)
      .toHaveProperty("payload")
      .toEqualTypeOf<
        | {
            list: readonly Omit<Entry, "isActive">[] | null
            session: Omit<Entry, "isActive"> | null
          }
        | null
        | undefined
      >()
  })
})

describe("the better-auth/client (vanilla) client", () => {
  test("types the entries the same way", () => {
    const vanilla = createVanillaClient({
      plugins: [multiSessionClient(), inferAdditionalFields<TestAuth>()],
    })
    const entry = useDeviceSessions(vanilla).data?.[0]
    expectTypeOf(entry?.user.plan).toEqualTypeOf<string | null | undefined>()
    expectTypeOf(entry?.user.name).toEqualTypeOf<string | undefined>()
  })
})

test("hands out the remembered accounts and the calls that forget them", () => {
  const client = createAuthClient({ plugins: [multiSessionClient()] })
  const { remembered, forget, forgetAll } = useDeviceSessions(client)
  expectTypeOf(remembered).toEqualTypeOf<readonly RememberedAccount[]>()
  expectTypeOf(remembered[0]?.user.email).toEqualTypeOf<string | undefined>()
  expectTypeOf(forget).toEqualTypeOf<(userId: string) => void>()
  expectTypeOf(forgetAll).toEqualTypeOf<() => void>()
})
