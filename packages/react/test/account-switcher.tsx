// A small account switcher, written as an app would write it, for the tests to click through.
import { createAuthClient } from "better-auth/react"
import { memo } from "react"
import { inject } from "vitest"
import {
  disposedAfterTest,
  type makeClient,
  newEmail,
  PASSWORD,
  settleSignals,
} from "../../../test/browser"
import { multiSessionClient } from "../../core/src"
import { type DeviceSession, type MutationResult, useDeviceSessions } from "../src"

/** Renders per component since the last reset, counted in the component's body. */
export const renders = new Map<string, number>()
const count = (name: string) => renders.set(name, (renders.get(name) ?? 0) + 1)

/** The promise of the last Switch or Remove click, so a test can await the whole action. */
export let lastAction: Promise<MutationResult> = Promise.resolve({ data: null, error: null })

export function makeReactClient(customFetchImpl: typeof fetch = fetch) {
  return disposedAfterTest(
    createAuthClient({
      baseURL: inject("authURL"),
      plugins: [multiSessionClient({ maximumSessions: 3 })],
      fetchOptions: { customFetchImpl },
    }),
  )
}

export type ReactClient = ReturnType<typeof makeReactClient>

/** Signs a new account up through the client; it becomes the active one. */
export async function signUp(client: Pick<ReactClient, "signUp">, name: string) {
  const email = newEmail(name.toLowerCase())
  const { data, error } = await client.signUp.email({ email, password: PASSWORD, name })
  if (error || !data) throw new Error(`sign-up failed: ${error?.message}`)
  await settleSignals()
  return { id: data.user.id, email, name }
}

type Actions = Pick<ReturnType<typeof useDeviceSessions>, "setActive" | "revoke">

interface RowProps extends Actions {
  entry: DeviceSession
  switching: boolean
  removing: boolean
}

// Memoized on its props: core keeps an unchanged entry (and its calls) identical, so a row
// whose account did not change does not render again.
const Row = memo(function Row({ entry, switching, removing, setActive, revoke }: RowProps) {
  count(`row:${entry.user.name}`)
  return (
    <li data-testid="account" data-active={entry.isActive}>
      <span>{entry.user.name}</span>
      {entry.isActive && <span> (active)</span>}
      {/* core marks the target active at once, so its button stays to show "Switching…" */}
      {(!entry.isActive || switching) && (
        <button
          type="button"
          aria-label={`Switch to ${entry.user.name}`}
          disabled={switching}
          onClick={() => {
            lastAction = setActive(entry)
          }}
        >
          {switching ? "Switching…" : "Switch"}
        </button>
      )}
      <button
        type="button"
        aria-label={`Remove ${entry.user.name}`}
        disabled={removing}
        onClick={() => {
          lastAction = revoke(entry)
        }}
      >
        {removing ? "Removing…" : "Remove"}
      </button>
    </li>
  )
})

/** The account list, through `useDeviceSessions()` under a provider or with a client. */
export function AccountSwitcher({
  client,
}: {
  client?: ReactClient | ReturnType<typeof makeClient>
}) {
  count("switcher")
  const { data, active, error, isPending, isRefetching, switching, revoking, setActive, revoke } =
    useDeviceSessions(client)
  if (isPending) return <p aria-busy={isRefetching}>Loading accounts…</p>
  return (
    <section aria-busy={isRefetching}>
      <p data-testid="active-account">{active ? active.user.name : "Not signed in"}</p>
      {error && (
        <p role="alert">
          {error.code === "INVALID_SESSION_TOKEN"
            ? "That account was already removed from this device."
            : error.message}
        </p>
      )}
      {data?.length === 0 && <p>No accounts on this device yet.</p>}
      <ul aria-label="Signed-in accounts">
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

/** Who better-auth's own `useSession()` says is signed in. */
export function WhoAmI({ client }: { client: ReactClient }) {
  count("who-am-i")
  const { data } = client.useSession()
  return (
    <footer>
      <p data-testid="session-user">{data ? data.user.name : "Not signed in"}</p>
      <button type="button" onClick={() => client.signOut()}>
        Sign out of all accounts
      </button>
    </footer>
  )
}

/** Reads only the list, and says so with `fields`: other changes do not render it. */
export function AccountCount() {
  count("account-count")
  const { data } = useDeviceSessions(null, { fields: ["data"] })
  return <p data-testid="account-count">{data ? `${data.length} accounts` : "…"}</p>
}
