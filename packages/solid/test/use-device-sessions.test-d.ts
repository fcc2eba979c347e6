import type {
  DeviceSessionsState,
  InferDeviceSession,
  MutationResult,
  RememberedAccount,
} from "@multisession/core"
import { multiSessionClient } from "@multisession/core"
import { createAuthClient } from "better-auth/solid"
import type { Accessor } from "solid-js"
import { describe, expectTypeOf, test } from "vitest"
import { useAccountKey, useDeviceSessions } from "../src"
import { makeSolidClient } from "./solid-client"

const plain = createAuthClient({ plugins: [multiSessionClient()] })

describe("useDeviceSessions", () => {
  test("is core's state, read field by field", () => {
    const accounts = useDeviceSessions(plain)
    expectTypeOf(accounts).toExtend<DeviceSessionsState<InferDeviceSession<typeof plain>>>()
    expectTypeOf(accounts.active?.user.email).toEqualTypeOf<string | undefined>()
    expectTypeOf(accounts.switching).toEqualTypeOf<string | null>()
    expectTypeOf(accounts.revoking).toEqualTypeOf<readonly string[]>()
  })

  test("types entries with the user fields the client declares", () => {
    const entry = useDeviceSessions(makeSolidClient()).data?.[0]
    expectTypeOf(entry?.user.plan).toEqualTypeOf<string | null | undefined>()
    expectTypeOf(entry?.session.token).toEqualTypeOf<string | undefined>()
  })

  test("hands out core's calls, with one result type for every target", () => {
    const accounts = useDeviceSessions(plain)
    expectTypeOf(accounts.revoke).toBeCallableWith({ userId: "u1" })
    expectTypeOf(accounts.setActive).toBeCallableWith({ sessionToken: "token" })
    // @ts-expect-error a bare string could be a user id or a token
    accounts.setActive("token")
    type Entry = InferDeviceSession<typeof plain>
    expectTypeOf(accounts.setActive).returns.toEqualTypeOf<
      Promise<MutationResult<{ session: Entry["session"]; user: Entry["user"] }>>
    >()
  })

  test("the account key is an accessor", () => {
    expectTypeOf(useAccountKey(plain)).toEqualTypeOf<Accessor<string | null>>()
  })
})

test("hands out the remembered accounts and the calls that forget them", () => {
  const accounts = useDeviceSessions(plain)
  expectTypeOf(accounts.remembered).toEqualTypeOf<readonly RememberedAccount[]>()
  expectTypeOf(accounts.forget).toEqualTypeOf<(userId: string) => void>()
  expectTypeOf(accounts.forgetAll).toEqualTypeOf<() => void>()
})
