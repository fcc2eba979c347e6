import {
  type DeviceSession,
  type DeviceSessions,
  type DeviceSessionsPayload,
  type DeviceSessionsState,
  deviceSessionsSnapshot,
  hydrateDeviceSessions,
  type MultiSessionAuthClient,
} from "@multisession/core"
import { createContext } from "react"

type Entry = DeviceSession<unknown, unknown>

// Holds the client's store and calls, not state: the store is the one source. `serverState`
// is what a server render showed, so hydration renders the same.
export const MultiSessionContext = createContext<{
  client: MultiSessionAuthClient
  sessions: DeviceSessions<Entry>
  serverState: DeviceSessionsState<Entry> | null
} | null>(null)

/**
 * What a server render showed for a payload, which hydration must render again. In the
 * browser the payload also fills the client's store, once, before the first render.
 */
export function serverStateOf(
  client: MultiSessionAuthClient,
  payload: DeviceSessionsPayload<unknown, unknown> | null | undefined,
): DeviceSessionsState<Entry> | null {
  if (!payload) return null
  hydrateDeviceSessions(client, payload as never)
  return deviceSessionsSnapshot(client, payload as never)
}
