// @vitest-environment node
// Node has a BroadcastChannel too, and an open one keeps the process alive: a client on the
// server (no window) must open none.
import { createAuthClient } from "better-auth/client"
import { expect, inject, test, vi } from "vitest"
import { multiSessionClient } from "../src"

test("a client on the server opens no tab channel", () => {
  expect(typeof window).toBe("undefined")
  expect(typeof BroadcastChannel).toBe("function")
  const RealChannel = BroadcastChannel
  const opened: string[] = []
  vi.stubGlobal(
    "BroadcastChannel",
    class extends RealChannel {
      constructor(name: string) {
        super(name)
        opened.push(name)
      }
    },
  )
  try {
    const client = createAuthClient({ baseURL: inject("authURL"), plugins: [multiSessionClient()] })
    client.multiSession.dispose()
    expect(opened).toEqual([])
  } finally {
    vi.unstubAllGlobals()
  }
})
