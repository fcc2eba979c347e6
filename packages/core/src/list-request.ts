// The list request: a new one aborts the one before, and only the latest is answered, so no
// older answer ever overwrites a newer one.
import type { AuthFetch } from "./session-link"

export interface ListRequest {
  /** Asks the server for the list; a request already under way is dropped. */
  start(): void
  /** Drops the request under way unanswered; says whether there was one. */
  cancel(): boolean
}

/** `{ data, error }`, as better-auth answers a failed call. */
export const failed = (error: unknown) => ({ data: null, error })

export function createListRequest(
  $fetch: AuthFetch,
  onAnswer: (answer: { data: unknown; error: unknown }) => void,
): ListRequest {
  let current: AbortController | undefined
  const cancel = () => {
    current?.abort()
    const had = !!current
    current = undefined
    return had
  }
  return {
    start() {
      cancel()
      const request = new AbortController()
      current = request
      $fetch("/multi-session/list-device-sessions", { signal: request.signal, throw: false })
        .catch(failed)
        .then((answer) => {
          if (current !== request) return // a newer request owns the store now
          current = undefined
          onAnswer(answer)
        })
    },
    cancel,
  }
}
