import { multiSessionClient } from "@multisession/core"
import { MultiSessionProvider, useDeviceSessions } from "@multisession/react"
import { createAuthClient } from "better-auth/react"
import { createRoot } from "react-dom/client"

const authClient = createAuthClient({ plugins: [multiSessionClient()] })
Object.assign(window, { authClient })

function Accounts() {
  const { data, active, isPending, error, switching, setActive } =
    useDeviceSessions<typeof authClient>()
  // @ts-expect-error a target is an entry, { userId } or { sessionToken }
  const _typed = () => setActive("someone")
  return (
    <main
      data-state={
        isPending ? "pending" : error ? `error ${error.code}` : switching ? "switching" : "ready"
      }
    >
      <p id="active">{active?.user.name ?? "none"}</p>
      <ul>
        {data?.map((entry) => (
          <li key={entry.user.id}>
            <button type="button" aria-pressed={entry.isActive} onClick={() => setActive(entry)}>
              {entry.user.name}
            </button>
          </li>
        ))}
      </ul>
    </main>
  )
}

createRoot(document.getElementById("root") as HTMLElement).render(
  <MultiSessionProvider client={authClient}>
    <Accounts />
  </MultiSessionProvider>,
)
