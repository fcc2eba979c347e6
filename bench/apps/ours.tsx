// The account switcher written with @multisession/react, the way its README shows. The same
// components run in happy-dom (requests, renders) and, bundled, in Chromium (latency, tabs).
import { multiSessionClient } from "@multisession/core"
import {
  type DeviceSession,
  MultiSessionProvider,
  type UseDeviceSessionsResult,
  useDeviceSessions,
} from "@multisession/react"
import { createAuthClient } from "better-auth/react"
import { createContext, memo, useContext } from "react"
import { type AppOptions, type BenchApp, CountContext, useCountRender } from "./types"

const makeClient = (baseURL: string, fetchImpl?: typeof fetch) =>
  createAuthClient({
    baseURL,
    plugins: [multiSessionClient({ maximumSessions: 3 })],
    ...(fetchImpl ? { fetchOptions: { customFetchImpl: fetchImpl } } : {}),
  })
type Client = ReturnType<typeof makeClient>

// Only better-auth's useSession() needs the client itself; the list comes from the provider.
const ClientContext = createContext<Client | null>(null)

const useAccounts = () => useDeviceSessions<Client>()

interface RowProps {
  entry: DeviceSession
  switching: boolean
  removing: boolean
  setActive: UseDeviceSessionsResult["setActive"]
  revoke: UseDeviceSessionsResult["revoke"]
}

// Memoized on its props: core keeps unchanged entries identical.
const Row = memo(function Row({ entry, switching, removing, setActive, revoke }: RowProps) {
  useCountRender(`row:${entry.user.name}`)
  return (
    <li data-testid="account" data-active={entry.isActive}>
      <span>{entry.user.name}</span>
      {(!entry.isActive || switching) && (
        <button
          type="button"
          aria-label={`Switch to ${entry.user.name}`}
          disabled={switching}
          onClick={() => setActive(entry)}
        >
          {switching ? "Switching…" : "Switch"}
        </button>
      )}
      <button
        type="button"
        aria-label={`Remove ${entry.user.name}`}
        disabled={removing}
        onClick={() => revoke(entry)}
      >
        {removing ? "Removing…" : "Remove"}
      </button>
    </li>
  )
})

function Switcher() {
  useCountRender("switcher")
  const { data, active, isPending, isRefetching, switching, revoking, setActive, revoke } =
    useAccounts()
  if (isPending) return <p>Loading accounts…</p>
  const settled = !isRefetching && !switching && revoking.length === 0
  return (
    <section data-testid="switcher" data-settled={settled}>
      <p data-testid="active-account">{active ? active.user.name : "Not signed in"}</p>
      <ul>
        {data?.map((entry) => (
          <Row
            key={entry.user.id}
            entry={entry}
            switching={switching === entry.user.id}
            removing={revoking.includes(entry.user.id)}
            setActive={setActive}
            revoke={revoke}
          />
        ))}
      </ul>
    </section>
  )
}

function WhoAmI() {
  useCountRender("who-am-i")
  const client = useContext(ClientContext) as Client
  const { data } = client.useSession()
  return <p data-testid="session-user">{data ? data.user.name : "Not signed in"}</p>
}

// Uses the hook but shows something a switch leaves as it was.
function AccountCount() {
  useCountRender("account-count")
  // Says which field it reads, as an app that cares about renders would.
  const { data } = useDeviceSessions<Client>(null, { fields: ["data"] })
  return <p data-testid="account-count">{data ? `${data.length} accounts` : "…"}</p>
}

function Subscriber() {
  const { active } = useAccounts()
  return <p>{active?.user.name}</p>
}

/**
 * Builds the app around a fresh auth client.
 *
 * @example
 * const app = createOursApp({ baseURL: location.origin })
 * createRoot(root).render(app.root(<app.Switcher />))
 */
export function createOursApp({ baseURL, fetch: fetchImpl, count }: AppOptions): BenchApp {
  const client = makeClient(baseURL, fetchImpl)
  return {
    name: "ours",
    root: (children) => (
      <CountContext.Provider value={count ?? (() => {})}>
        <ClientContext.Provider value={client}>
          <MultiSessionProvider client={client}>{children}</MultiSessionProvider>
        </ClientContext.Provider>
      </CountContext.Provider>
    ),
    Switcher,
    WhoAmI,
    AccountCount,
    Subscriber,
    async signIn(email, password) {
      await client.signIn.email({ email, password })
    },
    async signOut() {
      await client.signOut()
    },
  }
}
