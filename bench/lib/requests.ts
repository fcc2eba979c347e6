// Counts what an auth client sends, by wrapping the real fetch; the server answers for real.

/** Requests by path (without `/api/auth`), and in total. */
export interface RequestCount {
  total: number
  byPath: Record<string, number>
}

/**
 * A fetch that counts its calls and knows when the network has gone quiet.
 *
 * @example
 * const requests = countRequests()
 * const client = createAuthClient({ fetchOptions: { customFetchImpl: requests.fetch } })
 * requests.reset(); await doSomething(); await requests.idle(); requests.snapshot()
 */
export function countRequests() {
  const calls: string[] = []
  let inFlight = 0
  let lastActivity = performance.now()
  const wrapped: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href)
    calls.push(url.pathname.replace("/api/auth", ""))
    inFlight++
    lastActivity = performance.now()
    try {
      return await fetch(input, init)
    } finally {
      inFlight--
      lastActivity = performance.now()
    }
  }
  return {
    fetch: wrapped,
    reset: () => void calls.splice(0),
    snapshot(): RequestCount {
      const byPath: Record<string, number> = {}
      for (const path of calls) byPath[path] = (byPath[path] ?? 0) + 1
      return { total: calls.length, byPath }
    },
    /** Resolves once nothing was in flight for `quietMs` (better-auth signals after 10 ms). */
    async idle(quietMs = 300): Promise<void> {
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 25))
        if (inFlight === 0 && performance.now() - lastActivity >= quietMs) return
      }
    },
  }
}

export type RequestCounter = ReturnType<typeof countRequests>
