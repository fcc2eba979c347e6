import { useAccountKey } from "@multisession/solid"
import { createMutation, createQuery, useQueryClient } from "@tanstack/solid-query"
import { createSignal, For, Match, Show, Switch } from "solid-js"
import { addNote, fetchNotes } from "../../shared/notes"

// Rendered under <AccountBoundary>: it starts afresh for each account, and its query is keyed
// by the account, so one account's notes never show under another's name.
export function Notes() {
  const accountKey = useAccountKey()
  const queryClient = useQueryClient()
  const notes = createQuery(() => ({
    queryKey: ["notes", accountKey()],
    queryFn: fetchNotes,
    enabled: accountKey() !== null,
  }))
  const [text, setText] = createSignal("")
  const add = createMutation(() => ({
    mutationFn: addNote,
    onSuccess: () => {
      setText("")
      return queryClient.invalidateQueries({ queryKey: ["notes", accountKey()] })
    },
  }))
  const submit = (event: SubmitEvent) => {
    event.preventDefault()
    if (text().trim()) add.mutate(text())
  }

  return (
    <Show when={accountKey() !== null}>
      <Switch>
        <Match when={notes.isError}>
          <p class="error">{notes.error?.message}</p>
        </Match>
        <Match when={!notes.data}>
          <p class="note">Loading notes…</p>
        </Match>
        <Match when={notes.data}>
          {(data) => (
            <>
              <h2>{data().name}'s notes</h2>
              <ul data-testid="notes" data-owner={data().name}>
                <For each={data().notes}>{(note) => <li>{note.text}</li>}</For>
              </ul>
              <form aria-label="Add a note" onSubmit={submit}>
                <input
                  aria-label="New note"
                  value={text()}
                  onInput={(event) => setText(event.currentTarget.value)}
                />
                <button type="submit" disabled={add.isPending}>
                  Add
                </button>
              </form>
            </>
          )}
        </Match>
      </Switch>
    </Show>
  )
}
