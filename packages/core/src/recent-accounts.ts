// The most-recently-used order of this device's accounts, for autoSwitch: "most-recent".
// It holds user ids only, never a token, and forgets ids that left the device.
const KEY = "multisession.recent"

function read(): string[] {
  try {
    const ids: unknown = JSON.parse(localStorage.getItem(KEY) ?? "[]")
    return Array.isArray(ids) ? ids.filter((id) => typeof id === "string") : []
  } catch {
    return []
  }
}

export function rememberActive(
  userId: string,
  onDevice: readonly { user: { id: string } }[],
): void {
  const stored = read()
  const ids = [userId, ...stored.filter((id) => id !== userId)].filter(
    (id) => id === userId || onDevice.some((entry) => entry.user.id === id),
  )
  // Called on every settled update: write only when the order really changed.
  if (ids.join() === stored.join()) return
  try {
    localStorage.setItem(KEY, JSON.stringify(ids))
  } catch {
    // Without storage the order falls back to the server's.
  }
}

export function mostRecentFirst<E extends { user: { id: string } }>(entries: readonly E[]): E[] {
  const order = read()
  const rank = (entry: E) => {
    const at = order.indexOf(entry.user.id)
    return at === -1 ? order.length : at
  }
  return [...entries].sort((a, b) => rank(a) - rank(b))
}
