// The model's transitions and the view, without a server: plain objects in, plain objects out.
import { expect, test } from "vitest"
import { clientError, toError } from "../src/errors"
import { createListRequest } from "../src/list-request"
import {
  activeLeft,
  apply,
  callEnded,
  callFailed,
  callSettled,
  callStarted,
  hydrated,
  initialModel,
  inputRejected,
  listAnswered,
  listDropped,
  listFailed,
  listRequested,
  listSettled,
  type Model,
  type Patch,
  refetchRequested,
  sessionChanged,
  sessionOnlyRequested,
  sessionRequested,
  signedInOrOut,
} from "../src/model"
import { findTarget, readTarget } from "../src/target"
import type { RawEntry } from "../src/types"
import { createView } from "../src/view"

const entry = (id: string, token = `token-${id}`, name = id): RawEntry =>
  ({
    session: { id: `s-${id}`, token, userId: id, expiresAt: new Date(0) },
    user: { id, name, email: `${id}@example.com` },
  }) as unknown as RawEntry

const run = (...patches: ((m: Model) => Patch)[]) =>
  patches.reduce((m, step) => apply(m, step(m)), initialModel)
const actions = { refetch: async () => {}, forget: () => {}, forgetAll: () => {} }

const ada = entry("ada")
const bob = entry("bob")
const listed = run(
  () => sessionChanged(false, bob),
  () => listRequested(),
  (m) => listAnswered(m, [ada, bob]),
)

test("shows the list and the session only once both have settled", () => {
  const m = run(
    () => sessionChanged(true, null),
    () => listRequested(),
    (m) => listAnswered(m, [ada, bob]),
  )
  expect(m.list).toEqual([ada, bob])
  expect(m.shown).toBeNull()
  const settled = apply(m, sessionChanged(false, bob))
  expect(settled.shown).toBe(settled.list)
  expect(settled.active).toBe(bob)
})

test("keeps the entries and the list of an answer that changed nothing", () => {
  const again = apply(listed, listAnswered(listed, [entry("ada"), entry("bob")]))
  expect(again.list).toBe(listed.list)
  const renamed = apply(
    listed,
    listAnswered(listed, [entry("ada", "token-ada", "Ana"), entry("bob")]),
  )
  expect(renamed.list).not.toBe(listed.list)
  expect(renamed.list?.[0]).not.toBe(ada)
  expect(renamed.list?.[1]).toBe(listed.list?.[1])
})

test("clears a refresh's error, and a call's unanswered or bad input, on a good answer; not a refusal", () => {
  const view = createView(5, actions)
  const refusal = toError(
    { code: "INVALID_SESSION_TOKEN", status: 401, statusText: "Unauthorized" },
    "revoke",
  )
  const failedList = apply(listed, listFailed(toError(undefined, "list")))
  expect(view(failedList).error?.action).toBe("list")
  expect(apply(failedList, listAnswered(failedList, [ada, bob])).listError).toBeNull()
  for (const [error, stays] of [
    [clientError("NETWORK_ERROR", "set-active", "ada"), false],
    [clientError("SESSION_TOKEN_REQUIRED", "set-active"), false],
    [toError({ status: 500, statusText: "Internal Server Error" }, "set-active"), true],
    [refusal, true],
  ] as const) {
    const failed = apply(listed, inputRejected(error))
    const answered = apply(failed, listAnswered(failed, [ada, bob]))
    expect({ code: error.code, kept: answered.callError === error }).toEqual({
      code: error.code,
      kept: stays,
    })
    // a list refresh that fails meanwhile leaves the call's error in place
    const offline = apply(failed, listFailed(toError(undefined, "list")))
    expect(view(offline).error).toBe(error)
  }
  expect(apply(apply(listed, inputRejected(refusal)), refetchRequested()).callError).toBeNull()
})

test("keeps a call's lost connection on screen through its own refreshes", () => {
  const lost = clientError("NETWORK_ERROR", "set-active", "ada")
  let m = apply(listed, callStarted(listed, "set-active", "ada"))
  m = apply(m, callFailed(m, "set-active", "ada", lost))
  expect(m.switching).toBeNull()
  m = apply(m, listAnswered(m, [ada, bob])) // the call's own recheck
  expect(m.callError).toBe(lost)
  m = apply(m, callEnded(m, "set-active", "ada"))
  m = apply(m, listAnswered(m, [ada, bob])) // a later refresh: the server is back
  expect(m.callError).toBeNull()
})

test("keeps the last good list through a failed refresh", () => {
  const failed = apply(listed, listFailed(toError(undefined, "list")))
  expect(failed.list).toBe(listed.list)
  expect(failed.listError?.code).toBe("NETWORK_ERROR")
})

test("overlays a switch and removals until each call settles", () => {
  let m = apply(listed, callStarted(listed, "set-active", "ada"))
  m = apply(m, callStarted(m, "revoke", "bob"))
  expect([m.switching, m.revoking]).toEqual(["ada", ["bob"]])
  const revoking = m.revoking
  m = apply(m, callEnded(m, "set-active", "ada"))
  expect(m.switching).toBeNull()
  m = apply(m, callEnded(m, "revoke", "bob"))
  expect(m.revoking).toEqual([])
  expect(m.calls).toBe(0)
  // settling the same overlay twice changes nothing
  const twice = apply(m, callSettled(m, "revoke", "bob"))
  expect(twice.revoking).toBe(m.revoking)
  expect(revoking).toEqual(["bob"])
  // an older switch settling leaves a newer one's overlay alone
  let newer = apply(listed, callStarted(listed, "set-active", "ada"))
  newer = apply(newer, callStarted(newer, "set-active", "bob"))
  expect(apply(newer, callSettled(newer, "set-active", "ada")).switching).toBe("bob")
})

test("the view hands back the very objects after an overlay rolls back", () => {
  const view = createView(5, actions)
  const before = view(listed)
  const switching = apply(listed, callStarted(listed, "set-active", "ada"))
  const during = view(switching)
  expect(during.active?.user.id).toBe("ada")
  expect(during.data?.[1]).not.toBe(before.data?.[1])
  const after = view(apply(switching, callSettled(switching, "set-active", "ada")))
  expect(after.data).toBe(before.data)
  expect(after.active).toBe(before.active)
  expect(after).toEqual(before)
})

test("the view hides an entry being removed and says when the device is full", () => {
  const view = createView(2, actions)
  const state = view(apply(listed, callStarted(listed, "revoke", "ada")))
  expect(state.data?.map((e) => e.user.id)).toEqual(["bob"])
  expect(state.isAtCapacity).toBe(true)
  expect(createView(3, actions)(listed).isAtCapacity).toBe(false)
})

test("the view names an active account the server left off a full list", () => {
  const dee = entry("dee")
  const m = apply(listed, sessionChanged(false, dee))
  const state = createView(2, actions)(m)
  expect(state.activeNotListed).toBe(true)
  expect(state.active?.user.id).toBe("dee")
  expect(state.data?.some((e) => e.isActive)).toBe(false)
  expect(createView(2, actions)(listed).activeNotListed).toBe(false)
})

test("the view is pending only while nothing is known and no error says why", () => {
  const view = createView(5, actions)
  expect(view(initialModel)).toMatchObject({ isPending: true, isRefetching: false, data: null })
  const failed = view(apply(initialModel, listFailed(toError(undefined, "list"))))
  expect(failed).toMatchObject({ isPending: false, data: null })
  expect(view(apply(initialModel, hydrated([ada], ada)))).toMatchObject({ isPending: false })
})

test("reads every target form and refuses the rest before any request", () => {
  expect(readTarget({ userId: "ada" }, "set-active")).toEqual({ userId: "ada" })
  expect(readTarget(ada, "set-active")).toEqual({ userId: "ada" })
  expect(readTarget({ sessionToken: "abc.DEF-123" }, "revoke")).toEqual({ token: "abc.DEF-123" })
  for (const bad of [
    undefined,
    null,
    "ada",
    42,
    {},
    { userId: "" },
    { userId: 7 },
    { sessionToken: " " },
  ]) {
    expect(readTarget(bad, "revoke")).toMatchObject({
      code: "SESSION_TOKEN_REQUIRED",
      action: "revoke",
      status: 0,
    })
  }
  for (const odd of ["a".repeat(513), "with space", "tok;en", "é"]) {
    expect(readTarget({ sessionToken: odd }, "set-active")).toMatchObject({
      code: "SESSION_TOKEN_MALFORMED",
    })
  }
})

test("the list request answers only the latest of overlapping requests", async () => {
  const pending: ((answer: { data: unknown; error: unknown }) => void)[] = []
  const signals: AbortSignal[] = []
  // A $fetch that ignores abort: only the request's own guard keeps an old answer out.
  const fetchLater = (_path: string, options?: Record<string, unknown>) => {
    signals.push(options?.signal as AbortSignal)
    return new Promise<{ data: unknown; error: unknown }>((resolve) => pending.push(resolve))
  }
  const answers: unknown[] = []
  const list = createListRequest(fetchLater, (answer) => answers.push(answer.data))
  list.start()
  list.start()
  expect(signals.map((signal) => signal.aborted)).toEqual([true, false])
  pending[1]?.({ data: "newer", error: null })
  pending[0]?.({ data: "older", error: null })
  await Promise.resolve()
  await Promise.resolve()
  expect(answers).toEqual(["newer"])
  // a cancelled request is never answered either, and cancel says whether one was under way
  list.start()
  expect(list.cancel()).toBe(true)
  expect(list.cancel()).toBe(false)
  pending[2]?.({ data: "cancelled", error: null })
  await Promise.resolve()
  await Promise.resolve()
  expect(answers).toEqual(["newer"])
})

test("errors: the code in words, the server's fields as sent, no answer read is NETWORK_ERROR", () => {
  expect(clientError("SESSION_TOKEN_REQUIRED", "set-active")).toEqual({
    code: "SESSION_TOKEN_REQUIRED",
    message: "session token required",
    status: 0,
    statusText: "",
    action: "set-active",
    userId: null,
  })
  expect(toError({ code: "INVALID_SESSION_TOKEN", status: 401 }, "revoke", "ada")).toEqual({
    code: "INVALID_SESSION_TOKEN",
    message: "",
    status: 401,
    statusText: "",
    action: "revoke",
    userId: "ada",
  })
  expect(
    toError({ status: 500, statusText: "Internal Server Error", message: "boom" }, "list"),
  ).toMatchObject({
    code: "UNKNOWN_ERROR",
    message: "boom",
    statusText: "Internal Server Error",
  })
  for (const cause of [
    undefined,
    null,
    "offline",
    { status: 0, code: "X" },
    new TypeError("Failed to fetch"),
  ]) {
    expect(toError(cause, "list")).toMatchObject({
      code: "NETWORK_ERROR",
      status: 0,
      action: "list",
    })
  }
})

test("a failed list request is the list's error; a dropped one is no error at all", () => {
  const failed = apply(listed, listSettled(listed, { data: null, error: { status: 503 } }))
  expect(failed.listError).toMatchObject({ code: "UNKNOWN_ERROR", status: 503, action: "list" })
  const garbled = apply(listed, listSettled(listed, { data: "{not json", error: null }))
  expect(garbled.listError).toMatchObject({ code: "NETWORK_ERROR", action: "list" })
  const requested = apply(listed, listRequested())
  expect(requested.listing).toBe(true)
  const dropped = apply(requested, listDropped())
  expect([dropped.listing, dropped.listError]).toEqual([false, null])
  expect(apply(listed, sessionRequested()).sessionBusy).toBe(true)
})

test("asks for the session again only when its account just left the list", () => {
  const gone = apply(listed, listAnswered(listed, [ada]))
  expect(activeLeft(listed, gone)).toBe(true)
  expect(activeLeft(listed, apply(gone, sessionRequested()))).toBe(false) // an answer is on its way
  expect(activeLeft(listed, apply(listed, listAnswered(listed, [ada, bob])))).toBe(false)
  const neverListed = apply(listed, sessionChanged(false, entry("dee")))
  expect(activeLeft(neverListed, apply(neverListed, listAnswered(neverListed, [ada])))).toBe(false)
  const signedOut = apply(listed, sessionChanged(false, null))
  expect(activeLeft(signedOut, apply(signedOut, listAnswered(signedOut, [])))).toBe(false)
})

test("settling one removal leaves the others' overlay", () => {
  let m = apply(listed, callStarted(listed, "revoke", "ada"))
  m = apply(m, callStarted(m, "revoke", "bob"))
  expect(apply(m, callSettled(m, "revoke", "ada")).revoking).toEqual(["bob"])
})

test("reads a bad user id, or a token that is no string, as no target", () => {
  const lookalike = { trim: () => "tokenABC", toString: () => "tokenABC" } // not a string
  for (const bad of [
    { userId: "   " },
    { userId: 7, sessionToken: "tokenABC" },
    { sessionToken: lookalike },
  ]) {
    expect(readTarget(bad, "set-active")).toMatchObject({ code: "SESSION_TOKEN_REQUIRED" })
  }
})

test("finds a target on the list by user id or by token", () => {
  const list = [ada, bob]
  expect(findTarget({ userId: "bob" }, list)).toBe(bob)
  expect(findTarget({ token: "token-ada" }, list)).toBe(ada)
  expect(findTarget({ token: "token-cy" }, list)).toBeUndefined()
  expect(findTarget({ userId: "ada" }, null)).toBeUndefined()
})

test("the view names no unlisted active account before the list is known", () => {
  const view = createView(2, actions)
  const noList = apply(initialModel, sessionChanged(false, ada))
  expect(view(noList)).toMatchObject({ activeNotListed: false, active: null, data: null })
  const full = view(apply(listed, sessionChanged(false, entry("dee"))))
  expect(full.active?.isActive).toBe(true)
})

test("the view names no unlisted active account while a switch goes to one the list has lost", () => {
  // A switch to Cy is under way when a refresh shows the list without Cy (removed elsewhere).
  const switching = apply(listed, callStarted(listed, "set-active", "cy"))
  const state = createView(2, actions)(switching)
  expect(state.activeNotListed).toBe(false)
  expect(state.active).toBeNull()
})

test("remembers that the list was asked for until the session settles", () => {
  const asked = apply(listed, listRequested())
  expect(asked.listAsked).toBe(true)
  const answered = apply(asked, listAnswered(asked, [ada, bob]))
  expect(apply(answered, sessionChanged(true, bob)).listAsked).toBe(true)
  expect(apply(answered, sessionChanged(false, bob)).listAsked).toBe(false)
})

test("a session asked for alone needs no list, until the session settles", () => {
  const idle = { ...listed, listAsked: false }
  const asking = apply(idle, sessionOnlyRequested())
  expect(asking).toMatchObject({ sessionBusy: true, listAsked: true })
  expect(apply(idle, sessionRequested()).listAsked).toBe(false)
  expect(apply(asking, sessionChanged(false, bob)).listAsked).toBe(false)
})

test("a sign-in or sign-out of this tab leaves the list known stale until a list is asked for", () => {
  const signedIn = apply(listed, signedInOrOut("sign-in"))
  expect(signedIn).toMatchObject({ listStale: true, cause: "sign-in" })
  expect(apply(listed, signedInOrOut("sign-out")).cause).toBe("sign-out")
  expect(apply(signedIn, listRequested()).listStale).toBe(false)
  // A list answer asked before the sign-in does not make the list current.
  expect(apply(signedIn, listAnswered(signedIn, [ada])).listStale).toBe(true)
})
