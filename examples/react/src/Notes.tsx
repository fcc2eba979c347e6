import { useAccountKey } from "@multisession/react"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { type FormEvent, useMemo, useState } from "react"
import { notesApi } from "../../shared/notes"

// Rendered under <AccountBoundary>: it starts afresh for each account, and its query is keyed
// by the account, so one account's notes never show under another's name. With an account in
// each tab, `headers` names this tab's account on every call to the app's API.
export function Notes({ headers }: { headers?: () => Record<string, string> }) {
  const accountKey = useAccountKey()
  const queryClient = useQueryClient()
  const { fetchNotes, addNote } = useMemo(() => notesApi(headers), [headers])
  const queryKey = ["notes", accountKey]
  const notes = useQuery({ queryKey, queryFn: fetchNotes, enabled: accountKey !== null })
  const [text, setText] = useState("")
  const add = useMutation({
    mutationFn: addNote,
    onSuccess: () => {
      setText("")
      return queryClient.invalidateQueries({ queryKey })
    },
  })

  if (accountKey === null) return null
  if (notes.isError) return <p className="error">{notes.error.message}</p>
  if (!notes.data) return <p className="note">Loading notes…</p>
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (text.trim()) add.mutate(text)
  }
  return (
    <>
      <h2>{notes.data.name}'s notes</h2>
      <ul data-testid="notes" data-owner={notes.data.name}>
        {notes.data.notes.map((note) => (
          <li key={note.id}>{note.text}</li>
        ))}
      </ul>
      <form aria-label="Add a note" onSubmit={submit}>
        <input aria-label="New note" value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit" disabled={add.isPending}>
          Add
        </button>
      </form>
    </>
  )
}
