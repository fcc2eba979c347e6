// The baseline: what a better-auth user writes today. better-auth's own multiSessionClient,
// the device-session list in TanStack Query as better-auth-ui keeps it (key
// ["device-sessions"], React Query's defaults), invalidated by hand after each call.
import {
  QueryClient,
  QueryClientProvider,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query"
import { multiSessionClient } from "better-auth/client/plugins"
import { createAuthClient } from "better-auth/react"
import { createContext, memo, useContext } from "react"
import { type AppOptions, type BenchApp, CountContext, useCountRender } from "./types"

const KEY = ["device-sessions"]

const makeClient = (baseURL: string, fetchImpl?: typeof fetch) =>
  createAuthClient({
    baseURL,
    plugins: [multiSessionClient()],
    ...(fetchImpl ? { fetchOptions: { customFetchImpl: fetchImpl } } : {}),
  })
type Client = ReturnType<typeof makeClient>

const ClientContext = createContext<Client | null>(null)
const useClient = () => useContext(ClientContext) as Client

function useDeviceSessions() {
  const client = useClient()
  return useQuery({
    queryKey: KEY,
    queryFn: () => client.multiSession.listDeviceSessions({ fetchOptions: { throw: true } }),
  })
}
type Entry = NonNullable<ReturnType<typeof useDeviceSessions>["data"]>[number]

interface RowProps {
  entry: Entry
  isActive: boolean
  switching: boolean
  removing: boolean
  onSwitch: (entry: Entry) => void
  onRemove: (entry: Entry) => void
}

// Memoized on its props, as in ours.
const Row = memo(function Row({
  entry,
  isActive,
  switching,
  removing,
  onSwitch,
  onRemove,
}: RowProps) {
  useCountRender(`row:${entry.user.name}`)
  return (
    <li data-testid="account" data-active={isActive}>
      <span>{entry.user.name}</span>
      {(!isActive || switching) && (
        <button
          type="button"
          aria-label={`Switch to ${entry.user.name}`}
          disabled={switching}
          onClick={() => onSwitch(entry)}
        >
          {switching ? "Switching…" : "Switch"}
        </button>
      )}
      <button
        type="button"
        aria-label={`Remove ${entry.user.name}`}
        disabled={removing}
        onClick={() => onRemove(entry)}
      >
        {removing ? "Removing…" : "Remove"}
      </button>
    </li>
  )
})

function Switcher() {
  useCountRender("switcher")
  const client = useClient()
  const queryClient = useQueryClient()
  const session = client.useSession()
  const { data, isPending, isFetching } = useDeviceSessions()
  // better-auth's plugin refreshes the session after set-active; the list is the app's job.
  const setActive = useMutation({
    mutationFn: (entry: Entry) =>
      client.multiSession.setActive({
        sessionToken: entry.session.token,
        fetchOptions: { throw: true },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  })
  // Nothing refreshes after revoke: the list by hand, and the session when it was the
  // active one (the server then promotes another account or signs out).
  const revoke = useMutation({
    mutationFn: (entry: Entry) =>
      client.multiSession.revoke({
        sessionToken: entry.session.token,
        fetchOptions: { throw: true },
      }),
    onSuccess: (_, entry) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: KEY }),
        entry.user.id === session.data?.user.id ? session.refetch() : null,
      ]),
  })
  if (isPending || session.isPending) return <p>Loading accounts…</p>
  const activeId = session.data?.user.id
  const settled = !isFetching && !session.isRefetching && !setActive.isPending && !revoke.isPending
  return (
    <section data-testid="switcher" data-settled={settled}>
      <p data-testid="active-account">{session.data ? session.data.user.name : "Not signed in"}</p>
      <ul>
        {data?.map((entry) => (
          <Row
            key={entry.user.id}
            entry={entry}
            isActive={entry.user.id === activeId}
            switching={setActive.isPending && setActive.variables?.user.id === entry.user.id}
            removing={revoke.isPending && revoke.variables?.user.id === entry.user.id}
            onSwitch={setActive.mutate}
            onRemove={revoke.mutate}
          />
        ))}
      </ul>
    </section>
  )
}

function WhoAmI() {
  useCountRender("who-am-i")
  const { data } = useClient().useSession()
  return <p data-testid="session-user">{data ? data.user.name : "Not signed in"}</p>
}

function AccountCount() {
  useCountRender("account-count")
  const { data } = useDeviceSessions()
  return <p data-testid="account-count">{data ? `${data.length} accounts` : "…"}</p>
}

// Marking the active account needs the session too: the list has no "active" flag.
function Subscriber() {
  const { data } = useDeviceSessions()
  const session = useClient().useSession()
  return <p>{data?.find((entry) => entry.user.id === session.data?.user.id)?.user.name}</p>
}

/**
 * Builds the baseline app around a fresh auth client and query client.
 *
 * @example
 * const app = createBaselineApp({ baseURL: location.origin })
 * createRoot(root).render(app.root(<app.Switcher />))
 */
export function createBaselineApp({ baseURL, fetch: fetchImpl, count }: AppOptions): BenchApp {
  const client = makeClient(baseURL, fetchImpl)
  const queryClient = new QueryClient()
  return {
    name: "baseline",
    root: (children) => (
      <CountContext.Provider value={count ?? (() => {})}>
        <ClientContext.Provider value={client}>
          <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
        </ClientContext.Provider>
      </CountContext.Provider>
    ),
    Switcher,
    WhoAmI,
    AccountCount,
    Subscriber,
    async signIn(email, password) {
      // better-auth refreshes the session after an email sign-in; the list is the app's job.
      await client.signIn.email({ email, password })
      await queryClient.invalidateQueries({ queryKey: KEY })
    },
    async signOut() {
      // better-auth refreshes the session after sign-out; the list is the app's job.
      await client.signOut()
      await queryClient.invalidateQueries({ queryKey: KEY })
    },
  }
}
