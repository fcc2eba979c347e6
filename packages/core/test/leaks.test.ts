import { afterEach, beforeEach, expect, test, vi } from "vitest"
import { makeClient, useServerOrigin } from "../../../test/browser"
import { getDeviceSessions } from "../src"

beforeEach(() => {
  useServerOrigin()
})

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

// A fetch that never answers: each mount starts a list request, each unmount must abort it,
// and 10,000 cycles send nothing to the server.
const lists = { started: 0, aborted: 0 }
const unanswered: typeof fetch = (input, init) =>
  new Promise((_resolve, reject) => {
    const isList = String(input instanceof Request ? input.url : input).includes("list-device")
    if (isList) lists.started += 1
    init?.signal?.addEventListener("abort", () => {
      if (isList) lists.aborted += 1
      reject(new DOMException("aborted", "AbortError"))
    })
  })

test("leaves no listeners and opens no more channels after 10,000 mount and unmount cycles", async () => {
  const live = new Map<string, number>()
  const count = (key: string, by: number) => live.set(key, (live.get(key) ?? 0) + by)
  for (const target of [window, document] as EventTarget[]) {
    const name = target === window ? "window" : "document"
    const add = target.addEventListener.bind(target)
    const remove = target.removeEventListener.bind(target)
    vi.spyOn(target, "addEventListener").mockImplementation((type, listener, options) => {
      count(`${name}:${type}`, 1)
      add(type, listener, options)
    })
    vi.spyOn(target, "removeEventListener").mockImplementation((type, listener, options) => {
      count(`${name}:${type}`, -1)
      remove(type, listener, options)
    })
  }
  const RealChannel = globalThis.BroadcastChannel
  let openChannels = 0
  let createdChannels = 0
  vi.stubGlobal(
    "BroadcastChannel",
    class extends RealChannel {
      constructor(name: string) {
        super(name)
        openChannels += 1
        createdChannels += 1
      }
      override close() {
        openChannels -= 1
        super.close()
      }
    },
  )

  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval"] })
  const client = makeClient({ maximumSessions: 3 }, unanswered)
  const { $deviceSessions } = getDeviceSessions(client)
  for (let cycle = 0; cycle < 10_000; cycle++) {
    const stop = $deviceSessions.listen(() => {})
    stop()
    // past nanostores' one-second grace, so every cycle is a real unmount; the async form
    // lets better-fetch send the request before the unmount aborts it
    await vi.advanceTimersByTimeAsync(1_001)
  }
  // better-auth's session atom starts its own one-second grace when ours lets go of it
  await vi.advanceTimersByTimeAsync(1_001)
  expect($deviceSessions.lc).toBe(0)
  // every mount asked for the list, and every unmount aborted that request
  expect(lists).toEqual({ started: 10_000, aborted: 10_000 })
  // one channel per client, opened with it, however often its store is shown
  expect(createdChannels).toBe(1)
  expect(openChannels).toBe(1)
  expect(vi.getTimerCount()).toBe(0)
  // the focus and online listeners are better-auth's, and leave with its session atom
  const ours = ["window:focus", "window:online", "document:visibilitychange"]
  expect(Object.fromEntries(ours.map((key) => [key, live.get(key) ?? 0]))).toEqual({
    "window:focus": 0,
    "window:online": 0,
    "document:visibilitychange": 0,
  })
})
