// `GET /api/notes` lists the session user's notes; `POST /api/notes` with `{ text }` adds one,
// as the example server answers them (examples/server/src/notes.ts).
import { error, json } from "@sveltejs/kit"
import { getAuth } from "$lib/server/auth"
import { addNote } from "../../../../../server/src/notes"
import { readNotes } from "../../../../../server/src/read-notes"
import type { RequestHandler } from "./$types"

const MAX_TEXT = 500

const sessionOf = async (request: Request) => {
  const auth = await getAuth()
  const session = await auth.api.getSession({ headers: request.headers })
  if (!session) error(401, "Sign in first")
  return { auth, session }
}

export const GET: RequestHandler = async ({ request, setHeaders }) => {
  const { auth, session } = await sessionOf(request)
  setHeaders({ "cache-control": "no-store" })
  return json(await readNotes(auth, session.user))
}

export const POST: RequestHandler = async ({ request, url }) => {
  // A write must come from this origin as JSON: the session cookie alone does not make a
  // request the user's.
  const isJson = request.headers.get("content-type")?.split(";")[0]?.trim() === "application/json"
  if (!isJson || request.headers.get("origin") !== url.origin) {
    error(403, "Cross-site requests are refused")
  }
  const { auth, session } = await sessionOf(request)
  const body = (await request.json().catch(() => null)) as { text?: unknown } | null
  const text = typeof body?.text === "string" ? body.text.trim() : ""
  if (!text || text.length > MAX_TEXT) error(400, `1 to ${MAX_TEXT} characters`)
  const note = await addNote(auth, session.user.id, text)
  return json({ id: note.id, text: note.text }, { status: 201 })
}
