import type {
  InferDeviceSession,
  MultiSessionError,
  MutationResult,
  RememberedAccount,
} from "@multisession/core"
import type { Session, User } from "better-auth"
import { describe, expectTypeOf, test } from "vitest"
import { type ComputedRef, createApp } from "vue"
import { type DeviceSession, multiSession, provideMultiSession, useDeviceSessions } from "../src"
import { makeVueClient, type VueClient } from "./vue-client"

const client = makeVueClient()
type Entry = InferDeviceSession<VueClient>

describe("useDeviceSessions(client)", () => {
  const result = useDeviceSessions(client)

  test("hands out each field as a readonly ref", () => {
    expectTypeOf(result.data).toEqualTypeOf<ComputedRef<Entry[] | null>>()
    expectTypeOf(result.active).toEqualTypeOf<ComputedRef<Entry | null>>()
    expectTypeOf(result.error).toEqualTypeOf<ComputedRef<MultiSessionError | null>>()
    expectTypeOf(result.isPending).toEqualTypeOf<ComputedRef<boolean>>()
    expectTypeOf(result.isRefetching).toEqualTypeOf<ComputedRef<boolean>>()
    expectTypeOf(result.switching).toEqualTypeOf<ComputedRef<string | null>>()
    expectTypeOf(result.revoking).toEqualTypeOf<ComputedRef<readonly string[]>>()
    expectTypeOf(result.isAtCapacity).toEqualTypeOf<ComputedRef<boolean>>()
    expectTypeOf(result.activeNotListed).toEqualTypeOf<ComputedRef<boolean>>()
    // @ts-expect-error the refs are readonly: state changes only through the store
    result.isPending.value = false
  })

  test("types entries from the client, additional user fields included", () => {
    const entry = result.data.value?.[0]
    expectTypeOf(entry?.user.plan).toEqualTypeOf<string | null | undefined>()
    expectTypeOf(entry?.user.email).toEqualTypeOf<string | undefined>()
    expectTypeOf(entry?.session.token).toEqualTypeOf<string | undefined>()
    expectTypeOf(entry?.isActive).toEqualTypeOf<boolean | undefined>()
  })

  test("takes an entry, a user id or a token and answers { data, error }", () => {
    type Target = Parameters<typeof result.setActive>[0]
    expectTypeOf<Entry | { userId: string } | { sessionToken: string }>().toExtend<Target>()
    expectTypeOf<{ name: string }>().not.toExtend<Target>()
    expectTypeOf<string>().not.toExtend<Target>()
    expectTypeOf(result.revoke).parameters.toEqualTypeOf<Parameters<typeof result.setActive>>()
    expectTypeOf(result.setActive).returns.toEqualTypeOf<
      Promise<MutationResult<{ session: Entry["session"]; user: Entry["user"] }>>
    >()
    expectTypeOf(result.revoke).returns.toEqualTypeOf<
      Promise<MutationResult<{ status: boolean }>>
    >()
    expectTypeOf(result.refetch).toEqualTypeOf<() => Promise<void>>()
  })
})

test("without a client it types better-auth's plain session and user", () => {
  const { data } = useDeviceSessions()
  expectTypeOf(data).toEqualTypeOf<ComputedRef<DeviceSession<Session, User>[] | null>>()
  // @ts-expect-error plan is declared by the client, which was not passed
  data.value?.[0]?.user.plan
})

test("a type argument types entries of a provided client", () => {
  const { active } = useDeviceSessions<VueClient>()
  expectTypeOf(active.value?.user.plan).toEqualTypeOf<string | null | undefined>()
})

test("refuses what is not an auth client", () => {
  // @ts-expect-error not an auth client
  useDeviceSessions({})
  // @ts-expect-error the plugin needs its options
  createApp({}).use(multiSession)
  createApp({}).use(multiSession, { client })
  expectTypeOf(provideMultiSession).parameter(0).toExtend<object>()
  expectTypeOf(provideMultiSession(client)).toBeVoid()
})

test("hands out the remembered accounts as a ref and the calls that forget them as they are", () => {
  const { remembered, forget, forgetAll } = useDeviceSessions(client)
  expectTypeOf(remembered).toEqualTypeOf<ComputedRef<readonly RememberedAccount[]>>()
  expectTypeOf(forget).toEqualTypeOf<(userId: string) => void>()
  expectTypeOf(forgetAll).toEqualTypeOf<() => void>()
})
