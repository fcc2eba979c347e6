// Wraps the real fetch to inject a failure into chosen requests. The server is never
// replaced: every request that is not failed, and most that are, still reach it.
export type Fault =
  | "network-error" // the request never leaves: fetch rejects
  | "server-error" // the server is not asked: a 500 comes back
  | "unauthorized" // the server is not asked: a 401 comes back
  | "malformed-json" // the server answers, its body arrives mangled
  | "slow" // the server answers, 300 ms late
  | "late" // the same, and the answer arrives even if the request was aborted meanwhile
  | "aborted" // the request is aborted in flight
  | "lost-answer" // the server acts, then the connection drops before the answer

export function faultyFetch(base: typeof fetch = fetch) {
  const planned: { path: string; fault: Fault }[] = []
  const log: string[] = []
  const faulted: Promise<unknown>[] = []
  const wrapped: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href)
    const path = url.pathname.replace("/api/auth", "")
    log.push(path)
    const at = planned.findIndex((p) => p.path === path || p.path === "*")
    if (at === -1) return base(input, init)
    const [{ fault }] = planned.splice(at, 1) as [{ path: string; fault: Fault }]
    const answer = inject(fault, input, init)
    faulted.push(answer.catch(() => {}))
    return answer
  }
  const inject = async (fault: Fault, input: RequestInfo | URL, init?: RequestInit) => {
    switch (fault) {
      case "network-error":
        throw new TypeError("Failed to fetch")
      case "server-error":
        return new Response("Internal Server Error", {
          status: 500,
          statusText: "Internal Server Error",
        })
      case "unauthorized":
        return Response.json(
          { code: "UNAUTHORIZED", message: "Unauthorized" },
          { status: 401, statusText: "Unauthorized" },
        )
      case "malformed-json": {
        const real = await base(input, init)
        await real.text()
        return new Response("{not json", {
          status: 200,
          headers: { "content-type": "application/json" },
        })
      }
      case "slow":
      case "late": {
        // "late" reads the answer without the request's signal, as a fetch that ignores
        // abort does: only the store's own guard can keep it out
        const real = await base(input, fault === "late" ? { ...init, signal: null } : init)
        await new Promise((resolve) => setTimeout(resolve, 300))
        return real
      }
      case "aborted":
        throw new DOMException("The operation was aborted.", "AbortError")
      case "lost-answer":
        await base(input, init)
        throw new TypeError("Failed to fetch")
    }
  }
  return {
    fetch: wrapped,
    log,
    /** The network is well again: faults not met yet are called off. */
    clear() {
      planned.splice(0)
    },
    /** Resolves once every request that met a fault has been answered (or failed). */
    drained: () => Promise.allSettled(faulted),
    /** The next request to `path` (or to anything, with "*") meets `fault`. */
    fail(path: string, fault: Fault) {
      planned.push({ path, fault })
    },
  }
}
