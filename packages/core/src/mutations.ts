// setActive and revoke: optimistic at once, then one after another in the order they were
// made, each target looked up when its turn comes. Nothing here throws, and the queue moves
// on after every outcome.
import { clientError, type MultiSessionError, toError } from "./errors"
import { failed } from "./list-request"
import { type Call, callFailed, callSettled, callStarted, type Model, type Patch } from "./model"
import type { AuthFetch } from "./session-link"
import { findTarget, readTarget, type Target } from "./target"
import type { MutationResult } from "./types"

type Answer = Promise<MutationResult<never>>

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
  changed: (call: Call, userId: string | null) => Promise<unknown>,
  recheck: () => Promise<unknown>,
) {
  let queue: Promise<unknown> = Promise.resolve()
  const fail = (error: MultiSessionError) => {
    dispatch(callFailed(error))
    return failed(error)
  }

  async function run(
    call: Call,
    target: Target,
    options: object | undefined,
    userId: string | null,
  ) {
    await listKnown()
    const found = findTarget(target, model().list)
    const sessionToken = found?.session.token ?? target.token
    if (!sessionToken) return fail(clientError("DEVICE_SESSION_NOT_FOUND", call, userId))
    const { data, error } = await $fetch(`/multi-session/${call}`, {
      ...options,
      method: "POST",
      body: { sessionToken },
      throw: false,
    }).catch(failed)
    if (!error) {
      await changed(call, found?.user.id ?? userId)
      return { data, error: null }
    }
    // Roll back at once; then the server has the last word (it may have acted on a request
    // whose answer was lost, or the account left in another tab).
    dispatch(callSettled(model(), call, userId))
    await recheck()
    return fail(toError(error, call, userId))
  }

  return (call: Call) =>
    (target: unknown, options?: object): Answer => {
      const read = readTarget(target, call)
      if ("code" in read) return Promise.resolve(fail(read) as never)
      const userId = read.userId ?? findTarget(read, model().list)?.user.id ?? null
      dispatch(callStarted(model(), call, userId))
      const result = queue
        .then(() => run(call, read, options, userId))
        .catch(() => fail(clientError("NETWORK_ERROR", call, userId)))
        .finally(() => dispatch(callSettled(model(), call, userId)))
      queue = result
      return result as Answer
    }
}
