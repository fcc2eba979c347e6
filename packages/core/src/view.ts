// What subscribers see, derived from the model alone. Whatever did not change keeps its
// identity, and so does whatever comes back: a rolled-back switch hands out the very
// entries, and the very list, that were shown before it.
import { byUser, keep, type Model } from "./model"
import type { DeviceSession, DeviceSessionsState, RawEntry } from "./types"

export type View = (m: Model) => DeviceSessionsState

/** The calls a state hands out beside its data. */
export type Actions = Pick<DeviceSessionsState, "refetch" | "forget" | "forgetAll">

export function createView(maximumSessions: number, actions: Actions): View {
  // Each raw entry's faces (inactive, active) and each raw list's arrays, by what they show.
  const made = new WeakMap<object, Record<string, never>>()
  const once = <T>(owner: object, key: string, make: () => T): T => {
    const known = made.get(owner) ?? {}
    made.set(owner, known)
    known[key] ??= make() as never
    return known[key] as T
  }
  let last: DeviceSessionsState | undefined

  return (m) => {
    const activeId = m.switching ?? m.active?.user.id
    const entries = m.shown
      ?.filter((raw) => !m.revoking.includes(raw.user.id))
      .map((raw: RawEntry) => {
        const isActive = raw.user.id === activeId
        return once(raw, `${isActive}`, (): DeviceSession => ({ ...raw, isActive }))
      })
    const data =
      entries &&
      m.shown &&
      once(m.shown, entries.map((e) => e.user.id + e.isActive).join(), () => entries)
    // Past maximumSessions the server signs the user in but leaves them off the list.
    const activeNotListed =
      !!m.shown && !!m.active && m.active.user.id === activeId && !byUser(m.shown, activeId)
    const busy = m.listing || m.sessionBusy
    const error = m.callError ?? m.listError
    const next: DeviceSessionsState = {
      data: data ?? null,
      error,
      isPending: !data && (busy || !error),
      isRefetching: busy,
      ...actions,
      active:
        data?.find((entry) => entry.isActive) ??
        (activeNotListed
          ? keep({ ...(m.active as RawEntry), isActive: true }, last?.active)
          : null),
      switching: m.switching,
      revoking: m.revoking,
      isAtCapacity: (m.shown?.length ?? 0) >= maximumSessions,
      activeNotListed,
      remembered: m.remembered,
    }
    const same =
      last &&
      Object.keys(next).every((k) => next[k as "data"] === (last as typeof next)[k as "data"])
    if (!same) last = next
    return last as DeviceSessionsState
  }
}
