// The other tabs of this origin hear of a change through a BroadcastChannel (in every browser
// since 2022; without one they catch up when shown). One channel per client, named for the
// auth server it talks to, so two clients for two servers never wake each other. A channel
// never hears its own messages, and the message carries nothing: no token, no user data.

export interface TabChannel {
  /** Tells the other tabs that something changed: they ask the server themselves. */
  post(): void
  close(): void
}

export function openTabChannel(name: string, onMessage: () => void): TabChannel {
  if (typeof window === "undefined" || typeof BroadcastChannel !== "function") {
    return { post() {}, close() {} }
  }
  const channel = new BroadcastChannel(`multisession:${name}`)
  channel.onmessage = onMessage
  return {
    post: () => channel.postMessage(0),
    close: () => channel.close(),
  }
}
