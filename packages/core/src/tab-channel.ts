// The other tabs of this origin hear of a change through a BroadcastChannel (in every browser
// since 2022; without one they catch up when shown). One channel per client, named for the
// auth server it talks to, so two clients for two servers never wake each other. A channel
// never hears its own messages, and a message carries no token and no user data: `0` says
// "ask again", `1` "ask for the session only" (a switch: the list did not change).

/** Opens the client's channel, in a browser that has one. Post `0` or `1`; close it on dispose. */
export function openTabChannel(
  name: string,
  onMessage: (sessionOnly: boolean) => void,
): BroadcastChannel | undefined {
  if (typeof window === "undefined" || typeof BroadcastChannel !== "function") return
  const channel = new BroadcastChannel(`multisession:${name}`)
  channel.onmessage = (event) => onMessage(event.data === 1)
  return channel
}
