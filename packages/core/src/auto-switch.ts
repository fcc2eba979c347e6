// Auto-recovery, opt-in: an app that does not pass `autoSwitch` does not ship this file.
import type { AutoSwitch } from "./types"

/** Who the app was signed in as, and who it was moved to. */
export interface AutoSwitchChange {
  from: string | null
  to: string
}

// The most-recently-used order of this device's accounts. It holds user ids only, never a
// token, and forgets ids that left the device.
const KEY = "multisession.recent"

function read(): string[] {
  try {
    const ids: unknown = JSON.parse(localStorage.getItem(KEY) ?? "[]")
    return Array.isArray(ids) ? ids.filter((id) => typeof id === "string") : []
  } catch {
    return []
  }
}

function remember(userId: string, onDevice: readonly { user: { id: string } }[]): void {
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

/**
 * When the active session vanishes (expired, or revoked from another device) while other
 * accounts are still signed in here, switch to one of them instead of signing out: the one
 * used most recently on this device (user ids kept in localStorage), or the first listed.
 *
 * @example
 * multiSessionClient({
 *   autoSwitch: autoSwitch("most-recent", ({ to }) => toast(`Switched to another account`)),
 * })
 */
export function autoSwitch(
  order: "most-recent" | "first",
  onAutoSwitch?: (change: AutoSwitchChange) => void,
): AutoSwitch {
  const mostRecent = order === "most-recent"
  let lastActive: string | null = null
  let switching = false
  return ({ active, data, switching: userSwitching, revoking }, { setActive }) => {
    if (active) {
      lastActive = active.user.id
      if (mostRecent) remember(lastActive, data ?? [])
      return
    }
    // A removal under way hides the active account for a moment; the server promotes another.
    if (switching || userSwitching || revoking.length || !data) return
    const ids = mostRecent ? read() : []
    const rank = (id: string) => {
      const at = ids.indexOf(id)
      return at === -1 ? ids.length : at
    }
    const [target] = [...data].sort((a, b) => rank(a.user.id) - rank(b.user.id))
    if (!target) return // no account left here: stay signed out
    const change = { from: lastActive, to: target.user.id }
    switching = true
    setActive(target).then(({ error }) => {
      switching = false
      if (!error) onAutoSwitch?.(change)
    })
  }
}
