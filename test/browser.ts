// Helpers for tests that run in happy-dom against the real server from global-setup.
import { createAuthClient } from "better-auth/client"
import { afterEach, inject } from "vitest"
import { type MultiSessionClientOptions, multiSessionClient } from "../packages/core/src"

export const PASSWORD = "correct-horse-battery"

/** Points happy-dom at the test server's origin, so its fetch keeps the server's cookies. */
export function useServerOrigin(url = inject("authURL")): string {
  ;(window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`${url}/`)
  return url
}

/** The real fetch, wrapped only to count the auth requests by path. */
export function countingFetch() {
  const calls: string[] = []
  const wrapped: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href)
    calls.push(url.pathname.replace("/api/auth", ""))
    if (process.env.TRACE_FETCH) console.trace(url.pathname)
    return fetch(input, init)
  }
  return {
    fetch: wrapped,
    calls,
    count: (path: string) => calls.filter((call) => call === path).length,
    reset: () => calls.splice(0),
  }
}

// Every client a test makes is disposed after it: a store left mounted would hear the next
// test's tab messages and act on the shared cookies (an autoSwitch switching, say).
type Disposable = { multiSession: { dispose(): void } }
const made = new Set<Disposable>()
afterEach(() => {
  for (const client of made) disposeNow(client)
})
/** Disposes `client` once the test that made it ends; hands it back. */
export function disposedAfterTest<C extends Disposable>(client: C): C {
  made.add(client)
  return client
}
/** Disposes `client` now, for a test that makes many (the model test makes two per run). */
export function disposeNow(client: Disposable): void {
  made.delete(client)
  client.multiSession.dispose()
}

export function makeClient(
  options: MultiSessionClientOptions = { maximumSessions: 3 },
  customFetchImpl: typeof fetch = fetch,
  baseURL = inject("authURL"),
) {
  return disposedAfterTest(
    createAuthClient({
      baseURL,
      plugins: [multiSessionClient(options)],
      fetchOptions: { customFetchImpl },
    }),
  )
}

let counter = 0
/** A fresh, unique account name for this test run. */
export function newEmail(name: string): string {
  counter += 1
  return `${name}-${counter}-${Math.random().toString(36).slice(2, 8)}@example.com`
}

/** Signs a new account up through the real server; it becomes the active one. */
export async function signUp(client: ReturnType<typeof makeClient>, name: string) {
  const email = newEmail(name.toLowerCase())
  const { data, error } = await client.signUp.email({ email, password: PASSWORD, name })
  if (error || !data) throw new Error(`sign-up failed: ${error?.message}`)
  await settleSignals()
  return { id: data.user.id, email, name }
}

/** Clears every account from this device, as "sign out of all" does. */
export async function signOutAll(): Promise<void> {
  await fetch("/api/auth/sign-out", { method: "POST" })
}

/** What the server itself says about this device's cookies. */
export async function serverTruth(): Promise<{ activeUserId: string | null; userIds: string[] }> {
  return (await fetch("/test/truth")).json()
}

/** Resolves once the store's value satisfies `ready` (the store is subscribed meanwhile). */
export function waitFor<T>(
  store: { subscribe(cb: (value: T) => void): () => void },
  ready: (value: T) => boolean,
  timeoutMs = 5000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    let stop: (() => void) | undefined
    const timer = setTimeout(() => {
      stop?.()
      reject(new Error("waitFor: the store never reached the expected state"))
    }, timeoutMs)
    stop = store.subscribe((value) => {
      if (!ready(value)) return
      clearTimeout(timer)
      queueMicrotask(() => stop?.())
      resolve(value)
    })
  })
}

/** better-auth raises its session signal 10 ms after a call returns; let that pass. */
export const settleSignals = () => new Promise((resolve) => setTimeout(resolve, 30))

// better-auth refreshes the session on focus and on reconnect at most once per five
// seconds; these helpers move the clock its throttle reads past that, as a user does who
// comes back later, and fire the event its managers listen to.
// A plain function, not a Vitest spy: a spy records every call, and Date.now is called
// millions of times in a long soak (it ran out of memory after ~1,500 sequences).
let skipped = 0
const realNow = Date.now.bind(Date)
const laterNow = () => realNow() + skipped
function laterOn(): void {
  Date.now = laterNow
  skipped += 5_001
}

/** The user comes back to this tab (it becomes visible again). */
export function returnToTab(): void {
  laterOn()
  document.dispatchEvent(new Event("visibilitychange"))
}

/** The browser is back online. */
export function comeBackOnline(): void {
  laterOn()
  window.dispatchEvent(new Event("online"))
}
