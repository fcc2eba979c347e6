// The proof that everything follows the switch, shared by the bindings' tests: a page shows
// the account's name (`data-testid="who"`, from the device-session store) beside that
// account's notes (`data-testid="notes"`, `data-owner`: whose notes the server sent), fetched
// through TanStack Query under an `AccountBoundary`. Every DOM state is recorded while the
// account changes 50 times, in five ways; no state may pair one account's name with
// another's notes.
import { expect, inject, vi } from "vitest"
import { getDeviceSessions, onAccountChange } from "../packages/core/src"
import { makeClient, PASSWORD, serverTruth, settleSignals } from "./browser"

/** A vanilla client, or a framework's (whose `useDeviceSessions` is a hook, not the store). */
/** The parts of TanStack Query's QueryClient used here (each framework's package has its own). */
interface QueryClient {
  isFetching(): number
  invalidateQueries(): Promise<void>
  clear(): void
  getQueryCache(): { getAll(): { queryKey: readonly unknown[] }[] }
}

type Client = Pick<ReturnType<typeof makeClient>, "$Infer" | "$store" | "signIn" | "multiSession">

export interface Notes {
  userId: string
  name: string
  notes: string[]
}

/** What the page showed at one moment: the name, and whose notes. */
export interface Frame {
  who: string | null
  owner: string | null
}

let delayNext = 0
/** Notes requests made, and the fetcher every test app uses. */
export const notes = {
  requests: 0,
  async fetch(): Promise<Notes> {
    notes.requests += 1
    const delay = delayNext
    delayNext = 0
    const response = await fetch(`/test/notes?delay=${delay}`)
    if (!response.ok) throw new Error(`notes: ${response.status}`)
    return response.json()
  },
}

/** Every DOM state the page goes through, read at each mutation (before any paint). */
export function recordFrames(root: Node) {
  const frames: Frame[] = []
  const read = (): Frame => ({
    who: document.querySelector('[data-testid="who"]')?.textContent || null,
    owner: document.querySelector<HTMLElement>('[data-testid="notes"]')?.dataset.owner ?? null,
  })
  const observer = new MutationObserver(() => frames.push(read()))
  observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true })
  frames.push(read())
  return {
    frames,
    stop() {
      frames.push(...observer.takeRecords().map(read))
      observer.disconnect()
    },
  }
}

type Step = "this-tab" | "other-tab" | "revoke-active" | "auto-recovery" | "slow-data"
const STEPS: Step[] = ["this-tab", "other-tab", "revoke-active", "auto-recovery", "slow-data"]

export interface Account {
  id: string
  email: string
  name: string
}

type PerStep = Record<Step, number>

export interface FollowRun {
  /** The account changes this tab heard (`onAccountChange`), each one the page had to follow. */
  changes: number
  /** The steps taken, per kind. */
  steps: PerStep
  /** The changes that arrived at an account (not at "signed out"), per kind of step. */
  arrivals: PerStep
  /** The notes requests made, per kind of step. */
  requests: PerStep
}

/**
 * Changes the account `switches` times, in five ways, cycling: a switch in this tab, one in
 * another tab, revoking the active account (the server promotes another; it signs in again),
 * the session lost on the server (autoSwitch recovers; it signs in again), and a slow notes
 * request that answers after a switch. After each, waits for the page to show the server's
 * active account and its notes. `act` wraps what changes the page (React's `act`).
 */
export async function followTheSwitch(options: {
  client: Client
  otherTab: Client
  accounts: Account[]
  queryClient: QueryClient
  act?: (work: () => Promise<unknown>) => Promise<unknown>
  switches?: number
}): Promise<FollowRun> {
  const { client, otherTab, accounts, queryClient, switches = 50 } = options
  const act = options.act ?? ((work) => work())
  const perStep = () => Object.fromEntries(STEPS.map((s) => [s, 0])) as PerStep
  const [steps, arrivals, requests] = [perStep(), perStep(), perStep()]
  let changes = 0
  let arrived = 0
  const stop = onAccountChange(client, ({ to }) => {
    changes += 1
    if (to) arrived += 1
  })
  const $sessions = getDeviceSessions(client).$deviceSessions
  const activeId = () => $sessions.get().active?.user.id
  const other = () => accounts.find((a) => a.id !== activeId()) as Account
  const ok = async (answer: Promise<{ error: unknown }>) =>
    expect(JSON.stringify((await answer).error)).toBe("null")
  const signInAgain = (account: Account) =>
    act(async () => {
      await ok(client.signIn.email({ email: account.email, password: PASSWORD }))
      await settleSignals()
    })

  // The page shows the server's active account and its notes, and nothing is under way.
  async function settled() {
    await act(async () => {
      await vi.waitUntil(
        async () => {
          const state = $sessions.get()
          if (state.isRefetching || state.switching || state.revoking.length) return false
          const truth = await serverTruth()
          const name = accounts.find((a) => a.id === truth.activeUserId)?.name
          const owner = document.querySelector<HTMLElement>('[data-testid="notes"]')?.dataset.owner
          const fetching = queryClient.isFetching() > 0
          return !fetching && !!name && state.active?.user.name === name && owner === name
        },
        { timeout: 5000, interval: 20 },
      )
    })
  }

  await settled()
  for (let i = 0; changes < switches; i += 1) {
    const step = STEPS[i % STEPS.length] as Step
    const before = { requests: notes.requests, arrived }
    switch (step) {
      case "this-tab":
        await act(() => ok(client.multiSession.setActive({ userId: other().id })))
        break
      case "other-tab": {
        const target = other()
        await ok(otherTab.multiSession.setActive({ userId: target.id }))
        break
      }
      case "revoke-active": {
        const revoked = accounts.find((a) => a.id === activeId()) as Account
        await act(() => ok(client.multiSession.revoke({ userId: revoked.id })))
        await settled()
        await signInAgain(revoked)
        break
      }
      case "auto-recovery": {
        const lost = accounts.find((a) => a.id === activeId()) as Account
        await fetch(`/test/revoke-user?email=${encodeURIComponent(lost.email)}`, {
          method: "POST",
        })
        await act(() => $sessions.get().refetch())
        await settled()
        await signInAgain(lost)
        break
      }
      case "slow-data": {
        // The notes of the account on screen are asked again, slowly; the switch comes first.
        delayNext = 300
        await act(async () => {
          void queryClient.invalidateQueries()
          await ok(client.multiSession.setActive({ userId: other().id }))
        })
        break
      }
    }
    await settled()
    steps[step] += 1
    requests[step] += notes.requests - before.requests
    arrivals[step] += arrived - before.arrived
  }
  stop()
  return { changes, steps, arrivals, requests }
}

/**
 * No frame showed a name beside another account's notes; notes did show (at the end of each
 * step at least); and each change that arrived at an account cost one notes request, plus
 * the slow one asked before each slow-data switch (its answer never shows).
 */
export function expectFollowed(run: FollowRun, frames: Frame[]): void {
  const mixed = frames.filter((frame) => frame.owner !== null && frame.owner !== frame.who)
  expect(mixed).toEqual([])
  const shown = frames.filter((frame) => frame.owner !== null).length
  const steps = Object.values(run.steps).reduce((sum, n) => sum + n, 0)
  expect(shown).toBeGreaterThanOrEqual(steps)
  expect(run.changes).toBe(50)
  expect(run.requests).toEqual({
    ...run.arrivals,
    "slow-data": run.arrivals["slow-data"] + run.steps["slow-data"],
  })
}

/** Another tab of the same origin (the roomy server's): a vanilla client. */
export const otherTab = () => makeClient({ maximumSessions: 64 }, fetch, inject("roomyAuthURL"))

type Check = (check: () => void) => Promise<unknown>

/**
 * The whole proof for one binding: Ada, Bob and Cy sign up on `client`, `renderPage` renders
 * the page, and every frame is checked over 50 account changes.
 */
export async function proveFollowing(options: {
  client: Client
  signUp: (name: string) => Promise<Account>
  renderPage: () => QueryClient
  act?: (work: () => Promise<unknown>) => Promise<unknown>
}): Promise<void> {
  const accounts = []
  for (const name of ["Ada", "Bob", "Cy"]) accounts.push(await options.signUp(name))
  const recorder = recordFrames(document.body)
  const queryClient = options.renderPage()
  const { client, act } = options
  const run = await followTheSwitch({ client, otherTab: otherTab(), accounts, queryClient, act })
  recorder.stop()
  expectFollowed(run, recorder.frames)
}

/**
 * With Bob's notes on the page, another tab switches to Ada. Nothing here was pending, so the
 * key alone remounts the account's part: its state starts afresh (the draft is Ada's), and
 * clearing the cache on the change (the README's recipe) leaves only Ada's notes, fetched once.
 */
export async function expectFreshAfterOtherTabSwitch(options: {
  client: Client
  queryClient: QueryClient
  ada: Account
  bob: Account
  /** The binding's Testing Library `waitFor` (React's wraps each check in `act`). */
  waitFor?: Check
}): Promise<void> {
  const { client, queryClient, ada, bob } = options
  const waitFor: Check = options.waitFor ?? ((check) => vi.waitFor(check))
  const stop = onAccountChange(client, () => queryClient.clear())
  const owner = () => document.querySelector<HTMLElement>('[data-testid="notes"]')?.dataset.owner
  const draft = () => document.querySelector('[data-testid="draft"]')?.textContent
  await waitFor(() => expect(owner()).toBe("Bob"))
  expect(draft()).toBe(bob.id)
  await otherTab().multiSession.setActive({ userId: ada.id })
  await waitFor(() => expect(owner()).toBe("Ada"))
  expect(draft()).toBe(ada.id)
  expect(
    queryClient
      .getQueryCache()
      .getAll()
      .map((query) => query.queryKey),
  ).toEqual([["notes", ada.id]])
  expect(notes.requests).toBe(2)
  expect((await serverTruth()).activeUserId).toBe(ada.id)
  stop()
}
