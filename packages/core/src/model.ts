// The store's whole state in one plain object, and the named transitions that change it.
// Pure: no request, timer or atom here, so each step can be tested without a server.
import { type MultiSessionError, toError } from "./errors"
import { isList } from "./session-link"
import type { AccountChangeCause, RawEntry, RememberedAccount } from "./types"

export interface Model {
  /** The last good list from the server. */
  list: readonly RawEntry[] | null
  /** What better-auth's session atom holds now, when it is a session. */
  session: RawEntry | null
  /** The list and the active account on screen: taken together once both have settled. */
  shown: readonly RawEntry[] | null
  active: RawEntry | null
  /** The last failure of a call (or its bad input), and of a list refresh: see `listAnswered`. */
  callError: MultiSessionError | null
  listError: MultiSessionError | null
  /** setActive/revoke calls made and not yet ended, queued ones included. */
  calls: number
  /** A list request is under way. */
  listing: boolean
  /** The list was asked for since the session last settled: a session refresh under way needs no other. */
  listAsked: boolean
  /**
   * A sign-in or sign-out of this tab was answered since the last list request: the list
   * known misses it (better-auth raises its signal a moment later), so a call asks again.
   */
  listStale: boolean
  /** better-auth is fetching the session, or has been asked to. */
  sessionBusy: boolean
  /** The optimistic overlay: the target of the latest switch, the entries being removed. */
  switching: string | null
  revoking: readonly string[]
  /** Why the account the app acts as may be about to change, noted by what set it going. */
  cause: AccountChangeCause | null
  /** The accounts that left this device, kept by `rememberAccounts()`; `[]` without it. */
  remembered: readonly RememberedAccount[]
}

export type Call = "set-active" | "revoke"

export const initialModel: Model = {
  list: null,
  session: null,
  shown: null,
  active: null,
  callError: null,
  listError: null,
  calls: 0,
  listing: false,
  listAsked: false,
  listStale: false,
  sessionBusy: false,
  switching: null,
  revoking: [],
  cause: null,
  remembered: [],
}

/** `next`, or `old` itself when it holds the same (dates compare by value). */
export const keep = <T>(next: T, old: T | null | undefined): T =>
  old !== undefined && JSON.stringify(old) === JSON.stringify(next) ? (old as T) : next

export const byUser = <E extends { user: { id: string } }>(
  entries: readonly E[] | null | undefined,
  id: unknown,
) => entries?.find((entry) => entry.user.id === id)

/** A transition's result: the fields it changes. */
export type Patch = Partial<Model>

/**
 * The one way the model changes. The list and the session reach the screen only together,
 * once neither is being fetched, so no frame pairs a new list with an old active account.
 */
export function apply(m: Model, patch: Patch): Model {
  const next = { ...m, ...patch }
  return next.listing || next.sessionBusy
    ? next
    : { ...next, shown: next.list, active: next.session }
}

export const listRequested = (): Patch => ({ listing: true, listAsked: true, listStale: false })

/**
 * The server answered the list. Entries that did not change stay the same objects. A good
 * answer ends a refresh's error, and a call's that got no answer or was refused before any
 * request, once no call is under way; the server's refusal of a call (`INVALID_SESSION_TOKEN`…)
 * stays until the next call or `refetch()`.
 */
export const listAnswered = (m: Model, answer: readonly RawEntry[]): Patch => ({
  listing: false,
  list: keep(
    answer.map((entry) => keep(entry, byUser(m.list, entry.user.id))),
    m.list,
  ),
  listError: null,
  callError: m.calls || m.callError?.status ? m.callError : null,
})

export const listFailed = (listError: MultiSessionError): Patch => ({ listing: false, listError })

/**
 * The list request's outcome: a list the server's shape, or else an error. Answered while the
 * session is not being fetched, it was no session refresh's: the next refresh asks again.
 */
export const listSettled = (
  m: Model,
  { data, error }: { data: unknown; error: unknown },
): Patch => ({
  ...(!error && isList(data) ? listAnswered(m, data) : listFailed(toError(error, "list"))),
  listAsked: m.sessionBusy && m.listAsked,
})

/**
 * The session still names an account that just left the list: that session may be gone too,
 * and needs asking again (unless an answer is on its way already).
 */
export const activeLeft = (before: Model, after: Model): boolean =>
  !after.sessionBusy &&
  !!byUser(before.list, after.session?.user.id) &&
  !byUser(after.list, after.session?.user.id)

/**
 * The server removed an account that was not the active one: its list is the one known
 * without it, so no request is needed to know it.
 */
export const entryRemoved = (m: Model, userId: string): Patch => ({
  list: m.list ? m.list.filter((entry) => entry.user.id !== userId) : null,
})

/** The request was dropped unanswered (the store was unmounted or disposed). */
export const listDropped = (): Patch => ({ listing: false })

export const sessionChanged = (busy: boolean, session: RawEntry | null): Patch => ({
  sessionBusy: busy,
  session,
  ...(busy ? {} : { listAsked: false }),
})

/** This store asked better-auth for the session again; its answer is on the way. */
export const sessionRequested = (): Patch => ({ sessionBusy: true })

/**
 * The same, when the list is known current (after a switch, or a removal: the server's yes
 * and the list known give the new list): the session refresh needs no list of its own.
 */
export const sessionOnlyRequested = (): Patch => ({ sessionBusy: true, listAsked: true })

/**
 * A call is made: its change shows at once (for an account on the list, or any while the
 * list is unknown), while the request waits its turn.
 */
export const callStarted = (m: Model, call: Call, overlay: string | null): Patch => ({
  calls: m.calls + 1,
  callError: null,
  ...(call === "revoke"
    ? { revoking: overlay ? [...m.revoking, overlay] : m.revoking }
    : { switching: overlay }),
})

/** The call's overlay leaves: rolled back on a failure, replaced by the server's answer else. */
export const callSettled = (m: Model, call: Call, overlay: string | null): Patch =>
  call === "revoke"
    ? m.revoking.includes(overlay as string)
      ? { revoking: m.revoking.filter((id) => id !== overlay) }
      : {}
    : { switching: m.switching === overlay ? null : m.switching }

/** The server refused a call, or never answered: roll back at once and say why. */
export const callFailed = (
  m: Model,
  call: Call,
  overlay: string | null,
  callError: MultiSessionError,
) => ({ ...callSettled(m, call, overlay), callError }) as Patch

/** A call and the refreshes after it are over. */
export const callEnded = (m: Model, call: Call, overlay: string | null): Patch => ({
  ...callSettled(m, call, overlay),
  calls: m.calls - 1,
})

/** A call refused before any request: bad input. Nothing else changes. */
export const inputRejected = (callError: MultiSessionError): Patch => ({ callError })

export const refetchRequested = (): Patch => ({ callError: null })

/** The list and session a server loaded, taken as if both had just been answered. */
export const hydrated = (list: readonly RawEntry[], session: RawEntry | null): Patch => ({
  list,
  session,
})

/** Something that may change the account set going: a switch, a sign-in, another tab… */
export const causeNoted = (cause: AccountChangeCause | null): Patch => ({ cause })

/** This tab signed in or out: the server's list changed, and its signal is on the way. */
export const signedInOrOut = (cause: "sign-in" | "sign-out"): Patch => ({ cause, listStale: true })
