// The other tabs of this origin hear of a change through a BroadcastChannel (in every browser
// since 2022; without one they catch up when shown). One channel per client, named for the
// auth server it talks to, so two clients for two servers never wake each other. A channel
// never hears its own messages, and the message (`0`) carries nothing: no token, no user data.

/** Opens the client's channel, in a browser that has one. Post `0`; close it on dispose. */
export function openTabChannel(name: string, onMessage: () => void): BroadcastChannel | undefined {
  if (typeof window === "undefined" || typeof BroadcastChannel !== "function") return
  const channel = new BroadcastChannel(`multisession:${name}`)
  channel.onmessage = onMessage
  return channel
}
