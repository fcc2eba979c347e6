// The baseline: what a better-auth user writes today. better-auth's own multiSessionClient,
// the device-session list in TanStack Query as better-auth-ui keeps it (key
// ["device-sessions"], React Query's defaults), invalidated by hand after each call.
// The careful baseline is the same app as a careful developer writes it: TanStack Query's
// optimistic-update recipes (the switch "via the UI", the removal "via the cache", rolled back
// on error) and a 5 s staleTime, like better-auth's own limit on focus refetches.
import {
  QueryClient,
  QueryClientProvider,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query"
import { multiSessionClient } from "better-auth/client/plugins"
import { createAuthClient } from "better-auth/react"
import { createContext, memo, useContext, useEffect, useState } from "react"
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
const CarefulContext = createContext(false)

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
  const careful = useContext(CarefulContext)
  const queryClient = useQueryClient()
  const session = client.useSession()
  const { data, isPending, isFetching } = useDeviceSessions()
  // The careful app's switch, optimistic via the UI: the target is shown at once, until the
  // session says so or the call fails.
  const [target, setTarget] = useState<Entry | null>(null)
  useEffect(() => {
    if (target && session.data?.user.id === target.user.id && !session.isRefetching) setTarget(null)
  }, [target, session.data, session.isRefetching])
  // better-auth's plugin refreshes the session after set-active; the list is the app's job.
  const setActive = useMutation({
    mutationFn: (entry: Entry) =>
      client.multiSession.setActive({
        sessionToken: entry.session.token,
        fetchOptions: { throw: true },
      }),
    onMutate: (entry) => {
      if (careful) setTarget(entry)
    },
    onError: () => setTarget(null),
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
    // The careful app's removal, optimistic via the cache: gone at once, back on error.
    onMutate: async (entry) => {
      if (!careful) return undefined
      await queryClient.cancelQueries({ queryKey: KEY })
      const before = queryClient.getQueryData<Entry[]>(KEY)
      queryClient.setQueryData<Entry[]>(KEY, (list) =>
        list?.filter((e) => e.user.id !== entry.user.id),
      )
      return { before }
    },
    onError: (_, __, context) => {
      if (context?.before) queryClient.setQueryData(KEY, context.before)
    },
    onSettled: (_, __, entry) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: KEY }),
        entry.user.id === session.data?.user.id ? session.refetch() : null,
      ]),
  })
  if (isPending || session.isPending) return <p>Loading accounts…</p>
  const active = target?.user ?? session.data?.user
  const settled =
    !isFetching && !session.isRefetching && !setActive.isPending && !revoke.isPending && !target
  return (
    <section data-testid="switcher" data-settled={settled}>
      <p data-testid="active-account">{active ? active.name : "Not signed in"}</p>
      <ul>
        {data?.map((entry) => (
          <Row
            key={entry.user.id}
            entry={entry}
            isActive={entry.user.id === active?.id}
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
 * Builds the baseline app around a fresh auth client and query client; `careful` adds the
 * optimistic updates and the 5 s staleTime.
 *
 * @example
 * const app = createBaselineApp({ baseURL: location.origin })
 * createRoot(root).render(app.root(<app.Switcher />))
 */
export function createBaselineApp(
  { baseURL, fetch: fetchImpl, count }: AppOptions,
  careful = false,
): BenchApp {
  const client = makeClient(baseURL, fetchImpl)
  const queryClient = new QueryClient(
    careful ? { defaultOptions: { queries: { staleTime: 5_000 } } } : {},
  )
  return {
    name: careful ? "careful" : "baseline",
    root: (children) => (
      <CountContext.Provider value={count ?? (() => {})}>
        <ClientContext.Provider value={client}>
          <CarefulContext.Provider value={careful}>
            <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
          </CarefulContext.Provider>
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
