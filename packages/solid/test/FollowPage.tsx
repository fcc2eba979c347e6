import { createQuery, QueryClient, QueryClientProvider } from "@tanstack/solid-query"
import { createSignal, Show } from "solid-js"
import { notes } from "../../../test/follow-the-switch"
import {
  AccountBoundary,
  type MultiSessionAuthClient,
  MultiSessionProvider,
  useAccountKey,
  useDeviceSessions,
} from "../src"

// The recipe the README gives: per-account queries keyed by the account, under the boundary.
function Notes() {
  const accountKey = useAccountKey()
  const query = createQuery(() => ({
    queryKey: ["notes", accountKey()],
    queryFn: notes.fetch,
    enabled: accountKey() !== null,
  }))
  // Component state below the boundary starts afresh for each account.
  const [draftOf] = createSignal(accountKey())
  return (
    <>
      <p data-testid="draft">{draftOf()}</p>
      <Show when={query.data}>
        {(data) => (
          <ul data-testid="notes" data-owner={data().name}>
            {data().notes.map((note) => (
              <li>{note}</li>
            ))}
          </ul>
        )}
      </Show>
    </>
  )
}

function Page() {
  const accounts = useDeviceSessions()
  return (
    <main>
      <h1 data-testid="who">{accounts.active?.user.name ?? ""}</h1>
      <AccountBoundary fallback={<p>Loading…</p>}>
        <Notes />
      </AccountBoundary>
    </main>
  )
}

export function FollowPage(props: { client: MultiSessionAuthClient; queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={props.queryClient}>
      <MultiSessionProvider client={props.client}>
        <Page />
      </MultiSessionProvider>
    </QueryClientProvider>
  )
}

export { QueryClient }
