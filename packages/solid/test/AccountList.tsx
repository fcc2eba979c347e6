// A small account switcher written as an app would write it, for the tests to click through.
import { For, Show } from "solid-js"
import { useDeviceSessions } from "../src"
import type { SolidClient } from "./solid-client"

/** Runs of each computation since the last reset, by name. */
export const runs = new Map<string, number>()
export const ran = (name: string) => runs.set(name, (runs.get(name) ?? 0) + 1)

export function AccountList(props: { client?: SolidClient }) {
  const accounts = useDeviceSessions<SolidClient>(props.client)
  return (
    <section aria-busy={accounts.isRefetching}>
      <p data-testid="active">{accounts.active?.user.name ?? "Not signed in"}</p>
      <Show when={accounts.error}>{(error) => <p role="alert">{error().code}</p>}</Show>
      <ul aria-label="Signed-in accounts">
        <For each={accounts.data}>
          {(entry) => (
            <li data-testid="account" data-active={String(entry.isActive)}>
              <span>{entry.user.name}</span>
              <button
                type="button"
                aria-label={`Switch to ${entry.user.name}`}
                disabled={entry.isActive || accounts.switching === entry.user.id}
                onClick={() => accounts.setActive(entry)}
              >
                Switch
              </button>
            </li>
          )}
        </For>
      </ul>
    </section>
  )
}
