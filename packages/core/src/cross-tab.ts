const CHANNEL = "multisession"

/**
 * Tells the other tabs of this origin that the device's accounts changed. The message is
 * the sender's random id and nothing else: no token, no user data, nothing worth stealing.
 */
export function announceChange(senderId: string): void {
  if (typeof window === "undefined") return
  if (typeof BroadcastChannel === "function") {
    const channel = new BroadcastChannel(CHANNEL)
    channel.postMessage(senderId)
    channel.close()
    return
  }
  try {
    localStorage.setItem(CHANNEL, `${senderId}:${Date.now()}`)
  } catch {
    // Storage can be full or blocked (private mode); the other tabs catch up on focus.
  }
}

/** Calls `onChange` when another client announces a change; returns the cleanup. */
export function listenForChanges(ownId: string, onChange: () => void): () => void {
  if (typeof window === "undefined") return () => {}
  const fromOthers = (message: unknown) => {
    if (typeof message === "string" && !message.startsWith(ownId)) onChange()
  }
  if (typeof BroadcastChannel === "function") {
    const channel = new BroadcastChannel(CHANNEL)
    channel.onmessage = (event) => fromOthers(event.data)
    return () => channel.close()
  }
  const onStorage = (event: StorageEvent) => {
    if (event.key === CHANNEL) fromOthers(event.newValue)
  }
  window.addEventListener("storage", onStorage)
  return () => window.removeEventListener("storage", onStorage)
}

export const newClientId = () => Math.random().toString(36).slice(2, 12)
