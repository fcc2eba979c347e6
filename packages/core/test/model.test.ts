// Model-based test: random sequences of what users, other tabs, other devices and the
// network do; once a sequence settles, the client must agree with the server's own truth.
import fc from "fast-check"
import { beforeAll, beforeEach, expect, test } from "vitest"
import {
  disposeNow,
  makeClient,
  PASSWORD,
  returnToTab,
  serverTruth,
  signOutAll,
  signUp,
  useServerOrigin,
  waitFor,
} from "../../../test/browser"
import { type Fault, faultyFetch } from "../../../test/faults"
import type { DeviceSessionsState } from "../src"

const RUNS = Number(process.env.MODEL_RUNS ?? 200)
const SOAK = process.env.MODEL_SOAK === "1"
const POOL = 5 // more accounts than the server's maximumSessions (3)

type Action =
  | { type: "sign-in"; account: number }
  | { type: "switch"; index: number; wait: boolean }
  | { type: "revoke"; index: number }
  | { type: "sign-out" }
  | { type: "update-user"; name: string }
  | { type: "focus" }
  | { type: "other-tab-switch"; index: number }
  | { type: "server-revoke"; account: number }
  | { type: "fault"; fault: Fault }

const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ type: fc.constant("sign-in" as const), account: fc.nat(POOL - 1) }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant("switch" as const),
      index: fc.nat(4),
      wait: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ type: fc.constant("revoke" as const), index: fc.nat(4) }) },
  { weight: 1, arbitrary: fc.constant({ type: "sign-out" as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant("update-user" as const),
      name: fc.constantFrom("Ana", "Bo", "Cyd"),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ type: "focus" as const }) },
  {
    weight: 2,
    arbitrary: fc.record({ type: fc.constant("other-tab-switch" as const), index: fc.nat(4) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant("server-revoke" as const),
      account: fc.nat(POOL - 1),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant("fault" as const),
      fault: fc.constantFrom<Fault>(
        "network-error",
        "server-error",
        "malformed-json",
        "slow",
        "aborted",
        "lost-answer",
      ),
    }),
  },
)
const sequence = fc.array(action, { minLength: 1, maxLength: 8 })

let accounts: { email: string }[] = []

beforeAll(async () => {
  useServerOrigin()
  const seed = makeClient()
  for (const name of ["Ada", "Bob", "Cy", "Dee", "Eve"]) accounts.push(await signUp(seed, name))
  accounts = accounts.slice(0, POOL)
  await signOutAll()
}, 60_000)

beforeEach(() => {
  useServerOrigin()
})

const settled = (s: DeviceSessionsState) => !s.isPending && !s.isRefetching
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

interface Outcome {
  agrees: boolean
  sawFault: boolean
  client: { userIds: string[]; activeUserId: string | null; sessionUserId: string | null }
  server: { userIds: string[]; activeUserId: string | null }
}

const sessionUserId = (data: unknown): string | null => {
  const id = (data as { user?: { id?: unknown } } | null)?.user?.id
  return typeof id === "string" ? id : null
}

// better-auth's own calls reject when the network fails; an app catches that. Ours never do.
const betterAuthCall = (call: () => Promise<unknown>) => call().catch(() => undefined)

async function run(actions: Action[]): Promise<Outcome> {
  await signOutAll()
  const faults = faultyFetch()
  const client = makeClient({ maximumSessions: 3 }, faults.fetch)
  const otherTab = makeClient({ maximumSessions: 3 })
  const stops = [
    client.useDeviceSessions.listen(() => {}),
    otherTab.useDeviceSessions.listen(() => {}),
  ]
  const inFlight: Promise<unknown>[] = []
  let sawFault = false
  const entry = (index: number, state = client.useDeviceSessions.get()) =>
    state.data?.length ? state.data[index % state.data.length] : undefined

  for (const step of actions) {
    switch (step.type) {
      case "sign-in": {
        const email = accounts[step.account]?.email ?? ""
        await betterAuthCall(() => client.signIn.email({ email, password: PASSWORD }))
        break
      }
      case "switch": {
        const target = entry(step.index)
        if (!target) break
        const call = client.multiSession.setActive(target)
        inFlight.push(call)
        if (step.wait) await call
        break
      }
      case "revoke": {
        const target = entry(step.index)
        if (target) await client.multiSession.revoke(target)
        break
      }
      case "sign-out":
        await betterAuthCall(() => client.signOut())
        break
      case "update-user":
        await betterAuthCall(() => client.updateUser({ name: step.name }))
        break
      case "focus":
        returnToTab()
        break
      case "other-tab-switch": {
        await otherTab.useDeviceSessions.get().refetch()
        const target = entry(step.index, otherTab.useDeviceSessions.get())
        if (target) await otherTab.multiSession.setActive(target)
        break
      }
      case "server-revoke": {
        const email = accounts[step.account]?.email ?? ""
        await fetch(`/test/revoke-user?email=${encodeURIComponent(email)}`, { method: "POST" })
        break
      }
      case "fault":
        sawFault = true
        faults.fail("*", step.fault)
        break
    }
  }
  await Promise.allSettled(inFlight)
  // The network is well again, and the user comes back to the tab: the one refresh a browser
  // makes. Nothing else repairs the client before it is compared with the server.
  faults.clear()
  await faults.drained()
  await pause(40)
  returnToTab()
  await pause(20)
  await waitFor(client.useDeviceSessions, settled)
  await waitFor(client.useSession, (s) => !s.isPending && !s.isRefetching)

  const read = () => {
    const state = client.useDeviceSessions.get()
    return {
      userIds: (state.data ?? []).map((e) => e.user.id).sort(),
      activeUserId: state.active?.user.id ?? null,
      // better-auth keeps a garbled answer as its session data; read it as no session
      sessionUserId: sessionUserId(client.useSession.get().data),
    }
  }
  const server = await serverTruth()
  server.userIds.sort()
  const seen = read()
  const agree = () =>
    JSON.stringify(seen.userIds) === JSON.stringify(server.userIds) &&
    seen.activeUserId === server.activeUserId &&
    seen.sessionUserId === server.activeUserId
  for (const stop of stops) stop()
  disposeNow(client)
  disposeNow(otherTab)
  return { agrees: agree(), sawFault, client: seen, server }
}

test(`agrees with the server after ${RUNS} random sequences`, {
  timeout: Math.max(900_000, RUNS * 600),
}, async () => {
  // MODEL_REPLAY='[{"type":"sign-in","account":0}]' replays one printed counterexample.
  if (process.env.MODEL_REPLAY) {
    const outcome = await run(JSON.parse(process.env.MODEL_REPLAY))
    console.log("model replay", JSON.stringify(outcome))
    expect(outcome.agrees).toBe(true)
    return
  }
  if (SOAK) {
    let divergences = 0
    let runs = 0
    // performance.now: the sequences move Date.now on, as a user who comes back later.
    const started = performance.now()
    for (const actions of fc.sample(sequence, RUNS)) {
      const outcome = await run(actions).catch((error: unknown) => ({
        agrees: false,
        error: String(error),
      }))
      if (!outcome.agrees) {
        divergences += 1
        console.log("divergence", JSON.stringify({ actions, ...outcome }))
      }
      runs += 1
      // A long soak says how far it got, so a stopped run still counts.
      if (runs % 500 === 0) console.log(`model soak: ${runs} sequences, ${divergences} divergences`)
    }
    const seconds = Math.round((performance.now() - started) / 1000)
    console.log(`model soak: ${RUNS} sequences, ${divergences} divergences, ${seconds} s`)
    expect(divergences).toBe(0)
    return
  }
  await fc.assert(
    fc.asyncProperty(sequence, async (actions) => {
      const outcome = await run(actions)
      expect(outcome.client).toEqual({
        userIds: outcome.server.userIds,
        activeUserId: outcome.server.activeUserId,
        sessionUserId: outcome.server.activeUserId,
      })
    }),
    { numRuns: RUNS },
  )
})
