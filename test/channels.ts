// Watches the tab channels a client opens: BroadcastChannel stays the real one, and the name
// of each channel opened and closed is noted. vi.unstubAllGlobals() puts the global back.
import { vi } from "vitest"

export function recordChannels() {
  const RealChannel = globalThis.BroadcastChannel
  const opened: string[] = []
  const closed: string[] = []
  vi.stubGlobal(
    "BroadcastChannel",
    class extends RealChannel {
      constructor(name: string) {
        super(name)
        opened.push(name)
      }
      override close() {
        closed.push(this.name)
        super.close()
      }
    },
  )
  return { opened, closed }
}
