// The link to better-auth's session atom and its signal. better-auth refreshes the session
// on focus, on reconnect, on its polling and on a sign-out in another tab; the list follows
// each of those refreshes, and each raise of the signal (every call that changes who is
// signed in raises it).
import type { ReadableAtom, WritableAtom } from "nanostores"
import type { RawEntry } from "./types"

/** better-auth's $fetch, narrowed to what is used here. */
export type AuthFetch = (
  path: string,
  options?: Record<string, unknown>,
) => Promise<{ data: unknown; error: unknown }>

/** The slice of better-auth's session atom this store reads; nothing else is assumed. */
export interface SessionAtoms {
  session: ReadableAtom<{ data: unknown; isPending: boolean; isRefetching: boolean }>
  $sessionSignal: WritableAtom<boolean>
}

// An answer is trusted only in the shape the server sends: a garbled body is an error, not data.
export const isEntry = (value: unknown): value is RawEntry => {
  const entry = value as RawEntry | null
  return typeof entry?.user?.id === "string" && typeof entry.session?.token === "string"
}
export const isList = (value: unknown): value is RawEntry[] =>
  Array.isArray(value) && value.every(isEntry)

export interface SessionLink {
  /**
   * Follows the session while the store is shown: `onSession` gets each of its states,
   * `onRefresh(true)` each raise of the signal, `onRefresh(false)` each refresh better-auth
   * starts by itself. Returns the unfollow.
   */
  follow(
    onSession: (busy: boolean, session: RawEntry | null) => void,
    onRefresh: (signal: boolean) => void,
  ): () => void
  /** Asks better-auth for the session again (and so the list); no news for other tabs. */
  resignal(): void
  /** Calls `listener` when something else in this tab raises the signal (a sign-in…). */
  onOwnTabChange(listener: () => void): () => void
}

export function linkSession({ session, $sessionSignal }: SessionAtoms): SessionLink {
  let quiet = false
  return {
    follow(onSession, onRefresh) {
      const read = (value = session.value) =>
        value &&
        onSession(value.isPending || value.isRefetching, isEntry(value.data) ? value.data : null)
      const stops = [
        session.listen((value) => {
          if (value.isRefetching) onRefresh(false)
          read(value)
        }),
        $sessionSignal.listen(() => onRefresh(true)),
      ]
      read()
      return () => {
        for (const stop of stops) stop()
      }
    },
    resignal() {
      quiet = true
      $sessionSignal.set(!$sessionSignal.value)
      quiet = false
    },
    onOwnTabChange: (listener) => $sessionSignal.listen(() => quiet || listener()),
  }
}
