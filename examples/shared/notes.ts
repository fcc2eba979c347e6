// The example server's per-account resource (`/api/notes`), as each example app fetches it.

/**
 * How long the notes a server render read count as fresh in the browser (TanStack Query's
 * `staleTime`), like better-auth's own 5 s limit on refreshing the session: the page needs no
 * second request for what the server just read for it.
 */
export const FRESH_MS = 5_000

/** What `GET /api/notes` answers: whose notes they are, and the notes. */
export interface Notes {
  userId: string
  name: string
  notes: { id: string; text: string }[]
}

/**
 * The calls to the app's API. `headers` may name the tab's account on each of them (with an
 * account in each tab: `authClient.perTab.headers`); TanStack Query's `signal` aborts a load.
 */
export function notesApi(headers: () => Record<string, string> = () => ({})) {
  return {
    /** The session user's notes; throws on a refusal, so TanStack Query shows the error. */
    async fetchNotes({ signal }: { signal?: AbortSignal } = {}): Promise<Notes> {
      const response = await fetch("/api/notes", {
        credentials: "include",
        signal,
        headers: headers(),
      })
      if (!response.ok) throw new Error(`Notes could not be loaded (${response.status})`)
      return response.json()
    },
    /** Adds a note for the session user. */
    async addNote(text: string): Promise<void> {
      const response = await fetch("/api/notes", {
        method: "POST",
        credentials: "include",
        headers: { ...headers(), "content-type": "application/json" },
        body: JSON.stringify({ text }),
      })
      if (!response.ok) throw new Error(`The note was not saved (${response.status})`)
    },
  }
}

/** The calls as the device's active account. */
export const { fetchNotes, addNote } = notesApi()
