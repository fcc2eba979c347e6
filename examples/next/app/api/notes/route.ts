// `GET /api/notes` lists the session user's notes; `POST /api/notes` with `{ text }` adds one,
// as the example server answers them (examples/server/src/notes.ts).
import { addNote } from "../../../../server/src/notes"
import { readNotes } from "../../../../server/src/read-notes"
import { getAuth } from "../../../lib/auth"

const MAX_TEXT = 500

const refuse = (status: number, message: string) => Response.json({ message }, { status })

const sessionOf = async (request: Request) => {
  const auth = await getAuth()
  const session = await auth.api.getSession({ headers: request.headers })
  return session && { auth, session }
}

export async function GET(request: Request) {
  const signedIn = await sessionOf(request)
  if (!signedIn) return refuse(401, "Sign in first")
  const notes = await readNotes(signedIn.auth, signedIn.session.user)
  return Response.json(notes, { headers: { "cache-control": "no-store" } })
}

export async function POST(request: Request) {
  // A write must come from an origin better-auth trusts, as JSON: the session cookie alone does
  // not make a request the user's.
  const { trustedOrigins } = (await getAuth()).options
  const isJson = request.headers.get("content-type")?.split(";")[0]?.trim() === "application/json"
  if (!isJson || !trustedOrigins.includes(request.headers.get("origin") ?? "")) {
    return refuse(403, "Cross-site requests are refused")
  }
  const signedIn = await sessionOf(request)
  if (!signedIn) return refuse(401, "Sign in first")
  const body = (await request.json().catch(() => null)) as { text?: unknown } | null
  const text = typeof body?.text === "string" ? body.text.trim() : ""
  if (!text || text.length > MAX_TEXT) return refuse(400, `1 to ${MAX_TEXT} characters`)
  const note = await addNote(signedIn.auth, signedIn.session.user.id, text)
  return Response.json({ id: note.id, text: note.text }, { status: 201 })
}
