// A small per-account resource, so the examples can show that everything follows the switch:
// each account's notes, read and written as the session's user, 401 without a session.
import type { IncomingMessage, ServerResponse } from "node:http"
import type { BetterAuthPlugin } from "better-auth"
import { fromNodeHeaders } from "better-auth/node"
import type { Auth } from "./auth"

/** Declares the `note` table, so better-auth's migrations create it on SQLite and PostgreSQL. */
export const notesSchema = {
  id: "example-notes",
  schema: {
    note: {
      fields: {
        userId: {
          type: "string",
          required: true,
          references: { model: "user", field: "id", onDelete: "cascade" },
        },
        text: { type: "string", required: true },
        createdAt: { type: "date", required: true },
      },
    },
  },
} satisfies BetterAuthPlugin

interface Note {
  id: string
  userId: string
  text: string
  createdAt: Date
}

/** What `GET /api/notes` answers: whose notes they are, and the notes, oldest first. */
export interface NotesAnswer {
  userId: string
  name: string
  notes: { id: string; text: string }[]
}

const MAX_TEXT = 500

/**
 * Adds a note for a user (the demo accounts start with a few).
 *
 * @example
 * await addNote(auth, user.id, "Bernoulli numbers, step 7")
 */
export async function addNote(auth: Auth, userId: string, text: string): Promise<Note> {
  const { adapter } = await auth.$context
  return adapter.create<Omit<Note, "id">, Note>({
    model: "note",
    data: { userId, text, createdAt: new Date() },
  })
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  req.setEncoding("utf8")
  let body = ""
  for await (const chunk of req) {
    body += chunk
    if (body.length > 4 * MAX_TEXT) return null
  }
  try {
    return JSON.parse(body)
  } catch {
    return null
  }
}

const send = (res: ServerResponse, status: number, body?: unknown) => {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" })
  res.end(body === undefined ? undefined : JSON.stringify(body))
}

/**
 * `GET /api/notes` lists the session user's notes; `POST /api/notes` with `{ text }` adds one.
 * A write must come from one of `origins` as JSON (what better-auth's own endpoints ask too):
 * the session cookie alone does not make a request the user's.
 *
 * @example
 * if (pathname === "/api/notes") return handleNotes(auth, req, res, [baseURL])
 */
export async function handleNotes(
  auth: Auth,
  req: IncomingMessage,
  res: ServerResponse,
  origins: readonly string[],
) {
  if (req.method === "POST") {
    const json = req.headers["content-type"]?.split(";")[0]?.trim() === "application/json"
    if (!json || !origins.includes(req.headers.origin ?? "")) {
      return send(res, 403, { code: "FORBIDDEN", message: "Cross-site requests are refused" })
    }
  }
  const session = await auth.api.getSession({ headers: fromNodeHeaders(req.headers) })
  if (!session) return send(res, 401, { code: "UNAUTHORIZED", message: "Sign in first" })
  const { adapter } = await auth.$context
  if (req.method === "POST") {
    const body = (await readBody(req)) as { text?: unknown } | null
    const text = typeof body?.text === "string" ? body.text.trim() : ""
    if (!text || text.length > MAX_TEXT) {
      return send(res, 400, { code: "INVALID_TEXT", message: `1 to ${MAX_TEXT} characters` })
    }
    const note = await addNote(auth, session.user.id, text)
    return send(res, 201, { id: note.id, text: note.text })
  }
  if (req.method !== "GET") return send(res, 405)
  const notes = await adapter.findMany<Note>({
    model: "note",
    where: [{ field: "userId", value: session.user.id }],
    sortBy: { field: "createdAt", direction: "asc" },
  })
  const answer: NotesAnswer = {
    userId: session.user.id,
    name: session.user.name,
    notes: notes.map(({ id, text }) => ({ id, text })),
  }
  return send(res, 200, answer)
}
