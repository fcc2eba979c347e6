// setActive and revoke: optimistic at once, then one after another in the order they were
// made, each target looked up when its turn comes. Nothing here throws, and the queue moves
// on after every outcome.
import { clientError, type MultiSessionError, toError } from "./errors"
import { failed } from "./list-request"
import {
  type Call,
  callEnded,
  callFailed,
  callStarted,
  inputRejected,
  type Model,
  type Patch,
} from "./model"
import { type AuthFetch, isEntry } from "./session-link"
import { findTarget, readTarget, type Target } from "./target"
import type { AccountChangeCause, MutationResult } from "./types"

type Answer = Promise<MutationResult<never>>
/** Who a call is for (`userId`, in its errors) and whom its optimistic change marks. */
interface Ids {
  userId: string | null
  overlay: string | null
}

/**
 * The calls, given what they need of the controller: the model and its dispatch, a wait
 * for a known list, and what to refresh after a call that changed something (`changed`)
 * or failed (`recheck`: the server may know what this tab does not).
 */
export function createMutations(
  $fetch: AuthFetch,
  model: () => Model,
  dispatch: (patch: Patch) => void,
  listKnown: () => Promise<unknown>,
  changed: (call: Call, userId: string | null, cause: AccountChangeCause) => Promise<unknown>,
  recheck: () => Promise<unknown>,
) {
  let queue: Promise<unknown> = Promise.resolve()

  async function run(
    call: Call,
    cause: AccountChangeCause,
    target: Target,
    options: object | undefined,
    ids: Ids,
  ) {
    await listKnown()
    const { list, listError } = model()
    const found = findTarget(target, list)
    const sessionToken = found?.session.token ?? target.token
    if (!sessionToken) {
      // Not on the list; or no list, and then the list's own failure says why (a request
      // dropped unanswered, on unmount, is a network error too).
      const why = list
        ? clientError("DEVICE_SESSION_NOT_FOUND", call, ids.userId)
        : (listError ?? clientError("NETWORK_ERROR", call))
      return fail(call, ids, { ...why, action: call, userId: ids.userId })
    }
    const { data, error } = await $fetch(`/multi-session/${call}`, {
      ...options,
      method: "POST",
      body: { sessionToken },
      throw: false,
    }).catch(failed)
    // Only an answer in the server's shape counts: a garbled body is an answer never read.
    if (!error && (call === "revoke" ? Object(data).status === true : isEntry(data))) {
      await changed(call, found?.user.id ?? ids.userId, cause)
      return { data, error: null }
    }
    // Roll back at once and say why; then the server has the last word (it may have acted
    // on a request whose answer was lost, or the account left in another tab).
    const answer = fail(call, ids, toError(error, call, ids.userId))
    await recheck()
    return answer
  }
  const fail = (call: Call, { overlay }: Ids, error: MultiSessionError) => {
    dispatch(callFailed(model(), call, overlay, error))
    return failed(error)
  }

  // `cause` is what an account change this call brings about is put down to.
  return (call: Call, cause: AccountChangeCause) =>
    (target: unknown, options?: object): Answer => {
      const read = readTarget(target, call)
      if ("code" in read) {
        dispatch(inputRejected(read))
        return Promise.resolve(failed(read) as never)
      }
      const { list } = model()
      const found = findTarget(read, list)
      const userId = read.userId ?? found?.user.id ?? null
      // The overlay marks an account on the list, or any account while the list is unknown.
      const ids = { userId, overlay: found || !list ? userId : null }
      dispatch(callStarted(model(), call, ids.overlay))
      const result = queue
        .then(() => run(call, cause, read, options, ids))
        .catch(() => fail(call, ids, clientError("NETWORK_ERROR", call, userId)))
        .finally(() => dispatch(callEnded(model(), call, ids.overlay)))
      queue = result
      return result as Answer
    }
}
