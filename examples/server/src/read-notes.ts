// The example server's notes (notes.ts) as the server-rendered examples read them in their
// page loads and their own /api/notes: each account's own, as the session's user.

import type { Notes } from "../../shared/notes"
import type { Auth } from "./auth"

/**
 * One user's notes, oldest first, as `GET /api/notes` answers them.
 *
 * @example
 * const notes = session ? await readNotes(auth, session.user) : null
 */
export async function readNotes(auth: Auth, user: { id: string; name: string }): Promise<Notes> {
  const { adapter } = await auth.$context
  const notes = await adapter.findMany<{ id: string; text: string }>({
    model: "note",
    where: [{ field: "userId", value: user.id }],
    sortBy: { field: "createdAt", direction: "asc" },
  })
  return { userId: user.id, name: user.name, notes: notes.map(({ id, text }) => ({ id, text })) }
}
