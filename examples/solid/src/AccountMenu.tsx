import { useDeviceSessions } from "@multisession/solid"
import * as menu from "@zag-js/menu"
import { normalizeProps, useMachine } from "@zag-js/solid"
import { createMemo, createUniqueId, For, Show } from "solid-js"
import { CAPACITY_TEXT, signInAgainLabel, switchLabel } from "../../shared/people"
import type { authClient } from "./auth-client"
import { Avatar, Who } from "./Person"

/**
 * The avatar button and its account menu, on Zag's menu machine: arrows, Home/End,
 * typeahead, Escape and focus back to the button are the WAI-ARIA menu-button pattern.
 */
export function AccountMenu(props: {
  onAdd: (email: string) => void
  onManage: () => void
  onSignOutAll: () => void
}) {
  const accounts = useDeviceSessions<typeof authClient>()
  // The switch's target stays under "Other accounts" till the server has answered.
  const others = () =>
    accounts.data?.filter((entry) => !entry.isActive || entry.user.id === accounts.switching) ?? []
  const id = createUniqueId()
  const service = useMachine(
    menu.machine,
    (): Partial<menu.Props> => ({
      id,
      ids: { trigger: "account-menu-trigger" },
      positioning: { placement: "bottom-end" },
      onSelect({ value }) {
        const [action, userId = ""] = value.split(":")
        if (action === "switch") accounts.setActive({ userId })
        else if (action === "again")
          props.onAdd(accounts.remembered.find((r) => r.user.id === userId)?.user.email ?? "")
        else if (action === "add") props.onAdd("")
        else if (action === "manage") props.onManage()
        else if (action === "sign-out") props.onSignOutAll()
      },
    }),
  )
  const api = createMemo(() => menu.connect(service, normalizeProps))
  const signedIn = () =>
    accounts.active && accounts.active.user.id !== accounts.switching ? accounts.active : null

  return (
    <div class="account-menu">
      <button
        type="button"
        class="menu-trigger"
        aria-label={
          accounts.active
            ? `Account menu, signed in as ${accounts.active.user.name}`
            : "Account menu, not signed in"
        }
        aria-busy={accounts.switching !== null}
        {...api().getTriggerProps()}
      >
        <Show
          when={accounts.active}
          fallback={<span class="avatar is-empty" aria-hidden="true" data-initials="?" />}
        >
          {(active) => <Avatar user={active().user} />}
        </Show>
        <Show when={accounts.switching !== null}>
          <span class="spinner" aria-hidden="true" />
        </Show>
      </button>
      <div {...api().getPositionerProps()}>
        <div class="menu" {...api().getContentProps()}>
          <Show when={signedIn()}>
            {(current) => (
              <div {...api().getItemGroupProps({ id: "signed-in" })}>
                <div class="menu-label" {...api().getItemGroupLabelProps({ htmlFor: "signed-in" })}>
                  Signed in as
                </div>
                <div
                  class="menu-item is-current"
                  {...api().getItemProps({ value: "current", disabled: true })}
                  aria-label={`${current().user.name}, ${current().user.email}, active`}
                >
                  <Who user={current().user} />
                </div>
              </div>
            )}
          </Show>
          <Show when={others().length > 0}>
            <div {...api().getItemGroupProps({ id: "other-accounts" })}>
              <div
                class="menu-label"
                {...api().getItemGroupLabelProps({ htmlFor: "other-accounts" })}
              >
                Other accounts
              </div>
              <For each={others()}>
                {(entry) => (
                  <div
                    class="menu-item"
                    {...api().getItemProps({
                      value: `switch:${entry.user.id}`,
                      valueText: entry.user.name,
                      disabled: accounts.switching === entry.user.id,
                    })}
                    aria-label={switchLabel(entry.user)}
                  >
                    <Who user={entry.user} />
                    <Show when={accounts.switching === entry.user.id}>
                      <span class="pending">
                        <span class="spinner" aria-hidden="true" /> Switching…
                      </span>
                    </Show>
                  </div>
                )}
              </For>
            </div>
          </Show>
          <Show when={accounts.remembered.length > 0}>
            <div {...api().getItemGroupProps({ id: "signed-out" })}>
              <div class="menu-label" {...api().getItemGroupLabelProps({ htmlFor: "signed-out" })}>
                Signed out
              </div>
              <For each={accounts.remembered}>
                {(account) => (
                  <div
                    class="menu-item is-signed-out"
                    {...api().getItemProps({
                      value: `again:${account.user.id}`,
                      valueText: account.user.name,
                    })}
                    aria-label={signInAgainLabel(account.user)}
                  >
                    <Who user={account.user} />
                  </div>
                )}
              </For>
            </div>
          </Show>
          <hr {...api().getSeparatorProps()} />
          <div
            class="menu-item"
            {...api().getItemProps({ value: "add", disabled: accounts.isAtCapacity })}
            aria-describedby={accounts.isAtCapacity ? "menu-capacity" : undefined}
          >
            {accounts.data?.length ? "Add another account" : "Add an account"}
          </div>
          <Show when={accounts.isAtCapacity}>
            <div id="menu-capacity" class="menu-hint" role="none">
              {CAPACITY_TEXT}
            </div>
          </Show>
          <div class="menu-item" {...api().getItemProps({ value: "manage" })}>
            Manage accounts
          </div>
          <Show when={accounts.data?.length}>
            <div class="menu-item is-danger" {...api().getItemProps({ value: "sign-out" })}>
              Sign out of all accounts
            </div>
          </Show>
        </div>
      </div>
    </div>
  )
}
