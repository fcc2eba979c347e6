import type { DeviceSession, DeviceSessions, DeviceSessionsState } from "@multisession/core"
import { createContext } from "react"

type Entry = DeviceSession<unknown, unknown>

// Holds the client's store and calls, not state: the store is the one source. `serverState`
// is what a server render showed, so hydration renders the same.
export const MultiSessionContext = createContext<{
  sessions: DeviceSessions<Entry>
  serverState: DeviceSessionsState<Entry> | null
} | null>(null)
