// `GET /api/notes` lists the session user's notes; `POST /api/notes` with `{ text }` adds one,
// as the example server answers them (examples/server/src/notes.ts).

import { addNote } from "../../../server/src/notes"
import { readNotes } from "../../../server/src/read-notes"
import { getAuth } from "../utils/auth"

const MAX_TEXT = 500

export default defineEventHandler(async (event) => {
  const method = event.method
  if (method !== "GET" && method !== "POST") {
    throw createError({ statusCode: 405, statusMessage: "GET or POST" })
  }
  // A write must come from this origin as JSON: the session cookie alone does not make a
  // request the user's.
  const isJson =
    getRequestHeader(event, "content-type")?.split(";")[0]?.trim() === "application/json"
  if (
    method === "POST" &&
    (!isJson || getRequestHeader(event, "origin") !== getRequestURL(event).origin)
  ) {
    throw createError({ statusCode: 403, statusMessage: "Cross-site requests are refused" })
  }
  const auth = await getAuth()
  const session = await auth.api.getSession({ headers: event.headers })
  if (!session) throw createError({ statusCode: 401, statusMessage: "Sign in first" })
  if (method === "GET") {
    setResponseHeader(event, "cache-control", "no-store")
    return readNotes(auth, session.user)
  }
  const body = (await readBody(event).catch(() => null)) as { text?: unknown } | null
  const text = typeof body?.text === "string" ? body.text.trim() : ""
  if (!text || text.length > MAX_TEXT) {
    throw createError({ statusCode: 400, statusMessage: `1 to ${MAX_TEXT} characters` })
  }
  const note = await addNote(auth, session.user.id, text)
  setResponseStatus(event, 201)
  return { id: note.id, text: note.text }
})
