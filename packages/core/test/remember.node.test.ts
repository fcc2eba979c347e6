// @vitest-environment node
// A server render with rememberAccounts(): no window and no storage here, so nothing is read,
// nothing is warned about, and the store renders with nothing remembered.
import { createAuthClient } from "better-auth/client"
import { expect, inject, test, vi } from "vitest"
import { multiSessionClient, rememberAccounts } from "../src"

test("a server render mounts the store without touching storage, warning or throwing", async () => {
  const warn = vi.spyOn(console, "warn")
  const client = createAuthClient({
    baseURL: inject("authURL"),
    plugins: [multiSessionClient({ remember: rememberAccounts() })],
  })
  expect(typeof window).toBe("undefined")
  // get() and subscribe() mount a nanostores store, as the bindings' server renders do.
  const state = client.useDeviceSessions.get()
  const stop = client.useDeviceSessions.subscribe(() => {})
  await new Promise((resolve) => setTimeout(resolve, 0))
  stop()
  expect(state.remembered).toEqual([])
  expect(() => state.forget("someone")).not.toThrow()
  expect(warn).not.toHaveBeenCalled()
  client.multiSession.dispose()
})
