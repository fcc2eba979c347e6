/** @jsxImportSource solid-js */
import { multiSessionClient } from "@multisession/core"
import { MultiSessionProvider, useDeviceSessions } from "@multisession/solid"
import { createAuthClient } from "better-auth/solid"
import { For } from "solid-js"
import { render } from "solid-js/web"

const authClient = createAuthClient({ plugins: [multiSessionClient()] })
Object.assign(window, { authClient })

function Accounts() {
  const accounts = useDeviceSessions<typeof authClient>()
  const state = () =>
    accounts.isPending
      ? "pending"
      : accounts.error
        ? `error ${accounts.error.code}`
        : accounts.switching
          ? "switching"
          : "ready"
  return (
    <main data-state={state()}>
      <p id="active">{accounts.active?.user.name ?? "none"}</p>
      <ul>
        <For each={accounts.data}>
          {(entry) => (
            <li>
              <button
                type="button"
                aria-pressed={entry.isActive}
                onClick={() => accounts.setActive(entry)}
              >
                {entry.user.name}
              </button>
            </li>
          )}
        </For>
      </ul>
    </main>
  )
}

render(
  () => (
    <MultiSessionProvider client={authClient}>
      <Accounts />
    </MultiSessionProvider>
  ),
  document.getElementById("root") as HTMLElement,
)
