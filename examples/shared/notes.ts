// The example server's per-account resource (`/api/notes`), as each example app fetches it.

/** What `GET /api/notes` answers: whose notes they are, and the notes. */
export interface Notes {
  userId: string
  name: string
  notes: { id: string; text: string }[]
}

/** The session user's notes; throws on a refusal, so TanStack Query shows the error. */
export async function fetchNotes(): Promise<Notes> {
  const response = await fetch("/api/notes", { credentials: "include" })
  if (!response.ok) throw new Error(`Notes could not be loaded (${response.status})`)
  return response.json()
}

/** Adds a note for the session user. */
export async function addNote(text: string): Promise<void> {
  const response = await fetch("/api/notes", {
    method: "POST",
    credentials: "include",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ text }),
  })
  if (!response.ok) throw new Error(`The note was not saved (${response.status})`)
}
