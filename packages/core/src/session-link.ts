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

/**
 * Follows the session while the store is shown: `onSession` gets each of its states (busy,
 * and the session if the answer is one), `onRefresh(true)` each raise of the signal,
 * `onRefresh(false)` each refresh better-auth starts by itself. Returns the unfollow.
 */
export function followSession(
  { session, $sessionSignal }: SessionAtoms,
  onSession: (busy: boolean, session: RawEntry | null) => void,
  onRefresh: (signal: boolean) => void,
): () => void {
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
}

/** Raises better-auth's signal: the session is fetched again, and every atom that follows it. */
export const raise = ({ $sessionSignal }: SessionAtoms) => $sessionSignal.set(!$sessionSignal.value)
