// @vitest-environment node
// Node has a BroadcastChannel too, and an open one keeps the process alive: a client on the
// server (no window) must open none.
import { createAuthClient } from "better-auth/client"
import { expect, inject, test, vi } from "vitest"
import { recordChannels } from "../../../test/channels"
import { multiSessionClient } from "../src"

test("a client on the server opens no tab channel", () => {
  expect(typeof window).toBe("undefined")
  expect(typeof BroadcastChannel).toBe("function")
  const { opened } = recordChannels()
  try {
    const client = createAuthClient({ baseURL: inject("authURL"), plugins: [multiSessionClient()] })
    client.multiSession.dispose()
    expect(opened).toEqual([])
  } finally {
    vi.unstubAllGlobals()
  }
})
