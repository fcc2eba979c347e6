import type {
  DeviceSessionsState,
  InferDeviceSession,
  MutationResult,
  RememberedAccount,
} from "@multisession/core"
import { multiSessionClient } from "@multisession/core"
import { createAuthClient } from "better-auth/svelte"
import { fromStore, get, type Readable } from "svelte/store"
import { describe, expectTypeOf, test } from "vitest"
import { type DeviceSessionsStore, deviceSessions } from "../src"
import { makeSvelteClient } from "./auth-client"

const plain = createAuthClient({ plugins: [multiSessionClient()] })

describe("deviceSessions", () => {
  test("is a Svelte store of core's state", () => {
    const accounts = deviceSessions(plain)
    expectTypeOf(accounts).toExtend<Readable<DeviceSessionsState>>()
    expectTypeOf(get(accounts)).toEqualTypeOf<
      DeviceSessionsState<InferDeviceSession<typeof plain>>
    >()
    expectTypeOf(fromStore(accounts).current.active?.user.email).toEqualTypeOf<string | undefined>()
    expectTypeOf(get(accounts).switching).toEqualTypeOf<string | null>()
    expectTypeOf(get(accounts).revoking).toEqualTypeOf<readonly string[]>()
  })

  test("types entries with the user fields the client declares", () => {
    const accounts = deviceSessions(makeSvelteClient())
    const entry = get(accounts).data?.[0]
    expectTypeOf(entry?.user.plan).toEqualTypeOf<string | null | undefined>()
    expectTypeOf(entry?.session.token).toEqualTypeOf<string | undefined>()
    expectTypeOf(entry?.isActive).toEqualTypeOf<boolean | undefined>()
  })

  test("hands out core's calls", () => {
    const accounts: DeviceSessionsStore<InferDeviceSession<typeof plain>> = deviceSessions(plain)
    const entry = get(accounts).data?.[0]
    if (entry) expectTypeOf(accounts.setActive).toBeCallableWith(entry)
    expectTypeOf(accounts.revoke).toBeCallableWith({ userId: "u1" })
    expectTypeOf(accounts.setActive).toBeCallableWith({ sessionToken: "token" })
    // @ts-expect-error a bare string could be a user id or a token
    accounts.setActive("token")
    type Entry = InferDeviceSession<typeof plain>
    expectTypeOf(accounts.setActive).returns.toEqualTypeOf<
      Promise<MutationResult<{ session: Entry["session"]; user: Entry["user"] }>>
    >()
    expectTypeOf(accounts.revoke).returns.toEqualTypeOf<
      Promise<MutationResult<{ status: boolean }>>
    >()
    expectTypeOf(accounts.refetch).toEqualTypeOf<() => Promise<void>>()
  })

  test("refuses something that is not an auth client", () => {
    // @ts-expect-error a client needs $Infer and $store
    deviceSessions({})
  })
})

test("hands out the remembered accounts, and forget/forgetAll on the store and in its value", () => {
  const accounts = deviceSessions(plain)
  expectTypeOf(get(accounts).remembered).toEqualTypeOf<readonly RememberedAccount[]>()
  expectTypeOf(accounts.forget).toEqualTypeOf<(userId: string) => void>()
  expectTypeOf(accounts.forgetAll).toEqualTypeOf<() => void>()
  expectTypeOf(get(accounts).forget).toEqualTypeOf<(userId: string) => void>()
})
