import { QueryClient, QueryClientProvider, useQuery, useSuspenseQuery } from "@tanstack/react-query"
import { act, cleanup, render, screen, waitFor } from "@testing-library/react"
import { createAuthClient } from "better-auth/react"
import { Suspense, useState } from "react"
import { afterEach, beforeEach, expect, inject, test } from "vitest"
import { disposedAfterTest, serverTruth, signOutAll, useServerOrigin } from "../../../test/browser"
import {
  expectFreshAfterOtherTabSwitch,
  notes,
  proveFollowing,
} from "../../../test/follow-the-switch"
import { autoSwitch, multiSessionClient } from "../../core/src"
import {
  AccountBoundary,
  MultiSessionProvider,
  onAccountChange,
  useAccountKey,
  useDeviceSessions,
} from "../src"
import { signUp } from "./account-switcher"

beforeEach(async () => {
  useServerOrigin(inject("roomyAuthURL"))
  await signOutAll()
  notes.requests = 0
})
afterEach(cleanup)

const makeClientWithRecovery = () =>
  disposedAfterTest(
    createAuthClient({
      baseURL: inject("roomyAuthURL"),
      plugins: [multiSessionClient({ maximumSessions: 64, autoSwitch: autoSwitch("first") })],
    }),
  )

// The recipe the README gives: per-account queries keyed by the account, under the boundary.
function Notes() {
  const accountKey = useAccountKey()
  const { data } = useQuery({
    queryKey: ["notes", accountKey],
    queryFn: notes.fetch,
    enabled: accountKey !== null,
  })
  return data ? (
    <ul data-testid="notes" data-owner={data.name}>
      {data.notes.map((note) => (
        <li key={note}>{note}</li>
      ))}
    </ul>
  ) : null
}

// Component state below the boundary starts afresh for each account.
function Draft() {
  const accountKey = useAccountKey()
  const [draftOf] = useState(accountKey)
  return <p data-testid="draft">{draftOf}</p>
}

function Page() {
  const { active } = useDeviceSessions()
  return (
    <main>
      <h1 data-testid="who">{active?.user.name ?? ""}</h1>
      <AccountBoundary fallback={<p>Loading…</p>}>
        <Draft />
        <Notes />
      </AccountBoundary>
    </main>
  )
}

function renderPage(client: ReturnType<typeof makeClientWithRecovery>) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  render(
    <QueryClientProvider client={queryClient}>
      <MultiSessionProvider client={client}>
        <Page />
      </MultiSessionProvider>
    </QueryClientProvider>,
  )
  return queryClient
}

test("no frame shows one account's name beside another's notes, over 50 account changes", async () => {
  const client = makeClientWithRecovery()
  await proveFollowing({
    client,
    signUp: (name) => signUp(client, name),
    renderPage: () => renderPage(client),
    act: (work) => act(work),
  })
}, 60_000)

async function twoAccounts() {
  const client = makeClientWithRecovery()
  const ada = await signUp(client, "Ada")
  const bob = await signUp(client, "Bob")
  return { client, ada, bob }
}

test("remounts its children on an account change, so their state starts afresh", async () => {
  const { client, ada, bob } = await twoAccounts()
  const queryClient = renderPage(client)
  await expectFreshAfterOtherTabSwitch({ client, queryClient, ada, bob, waitFor })
})

function SuspendingNotes() {
  const accountKey = useAccountKey()
  const { data } = useSuspenseQuery({ queryKey: ["notes", accountKey], queryFn: notes.fetch })
  return <p data-testid="owner">{data.name}</p>
}

test("works with Suspense below it: the new account's data suspends, then shows", async () => {
  const { client, ada } = await twoAccounts()
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  render(
    <QueryClientProvider client={queryClient}>
      <MultiSessionProvider client={client}>
        <AccountBoundary>
          <Suspense fallback={<p>Loading notes…</p>}>
            <SuspendingNotes />
          </Suspense>
        </AccountBoundary>
      </MultiSessionProvider>
    </QueryClientProvider>,
  )
  expect(await screen.findByTestId("owner")).toHaveProperty("textContent", "Bob")
  await act(() => client.multiSession.setActive({ userId: ada.id }))
  expect(await screen.findByText("Loading notes…")).toBeTruthy()
  await waitFor(() => expect(screen.getByTestId("owner").textContent).toBe("Ada"))
  expect(notes.requests).toBe(2)
})

test("the README's recipe: clearing TanStack Query's cache on every account change", async () => {
  const { client, ada } = await twoAccounts()
  const queryClient = renderPage(client)
  const stop = onAccountChange(client, () => queryClient.clear())
  await waitFor(() => expect(screen.getByTestId("notes").dataset.owner).toBe("Bob"))
  await act(() => client.multiSession.setActive({ userId: ada.id }))
  await waitFor(() => expect(screen.getByTestId("notes").dataset.owner).toBe("Ada"))
  // Bob's notes are gone from the cache; only Ada's were fetched again
  expect(
    queryClient
      .getQueryCache()
      .getAll()
      .map((query) => query.queryKey),
  ).toEqual([["notes", ada.id]])
  expect(notes.requests).toBe(2)
  expect((await serverTruth()).activeUserId).toBe(ada.id)
  stop()
})
