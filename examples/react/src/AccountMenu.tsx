import { useDeviceSessions } from "@multisession/react"
import * as menu from "@zag-js/menu"
import { normalizeProps, useMachine } from "@zag-js/react"
import { useId } from "react"
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
  const { data, active, switching, isAtCapacity, remembered, setActive } =
    useDeviceSessions<typeof authClient>()
  const others = data?.filter((entry) => !entry.isActive || entry.user.id === switching) ?? []
  const service = useMachine(menu.machine, {
    id: useId(),
    ids: { trigger: "account-menu-trigger" },
    positioning: { placement: "bottom-end" },
    onSelect({ value }) {
      const [action, userId = ""] = value.split(":")
      if (action === "switch") setActive({ userId })
      else if (action === "again")
        props.onAdd(remembered.find((r) => r.user.id === userId)?.user.email ?? "")
      else if (action === "add") props.onAdd("")
      else if (action === "manage") props.onManage()
      else if (action === "sign-out") props.onSignOutAll()
    },
  })
  const api = menu.connect(service, normalizeProps)
  const signedIn = active && active.user.id !== switching ? active : null

  return (
    <div className="account-menu">
      <button
        type="button"
        className="menu-trigger"
        aria-label={
          active ? `Account menu, signed in as ${active.user.name}` : "Account menu, not signed in"
        }
        aria-busy={switching !== null}
        {...api.getTriggerProps()}
      >
        {active ? (
          <Avatar user={active.user} />
        ) : (
          <span className="avatar is-empty" aria-hidden="true" data-initials="?" />
        )}
        {switching !== null && <span className="spinner" aria-hidden="true" />}
      </button>
      <div {...api.getPositionerProps()}>
        <div className="menu" {...api.getContentProps()}>
          {signedIn && (
            <div {...api.getItemGroupProps({ id: "signed-in" })}>
              <div className="menu-label" {...api.getItemGroupLabelProps({ htmlFor: "signed-in" })}>
                Signed in as
              </div>
              <div
                className="menu-item is-current"
                {...api.getItemProps({ value: "current", disabled: true })}
                aria-label={`${signedIn.user.name}, ${signedIn.user.email}, active`}
              >
                <Who user={signedIn.user} />
              </div>
            </div>
          )}
          {others.length > 0 && (
            <div {...api.getItemGroupProps({ id: "other-accounts" })}>
              <div
                className="menu-label"
                {...api.getItemGroupLabelProps({ htmlFor: "other-accounts" })}
              >
                Other accounts
              </div>
              {others.map((entry) => (
                <div
                  key={entry.user.id}
                  className="menu-item"
                  {...api.getItemProps({
                    value: `switch:${entry.user.id}`,
                    valueText: entry.user.name,
                    disabled: switching === entry.user.id,
                  })}
                  aria-label={switchLabel(entry.user)}
                >
                  <Who user={entry.user} />
                  {switching === entry.user.id && (
                    <span className="pending">
                      <span className="spinner" aria-hidden="true" /> Switching…
                    </span>
                  )}
                </div>
              ))}
            </div>
          )}
          {remembered.length > 0 && (
            <div {...api.getItemGroupProps({ id: "signed-out" })}>
              <div
                className="menu-label"
                {...api.getItemGroupLabelProps({ htmlFor: "signed-out" })}
              >
                Signed out
              </div>
              {remembered.map(({ user }) => (
                <div
                  key={user.id}
                  className="menu-item is-signed-out"
                  {...api.getItemProps({ value: `again:${user.id}`, valueText: user.name })}
                  aria-label={signInAgainLabel(user)}
                >
                  <Who user={user} />
                </div>
              ))}
            </div>
          )}
          <hr {...api.getSeparatorProps()} />
          <div
            className="menu-item"
            {...api.getItemProps({ value: "add", disabled: isAtCapacity })}
            aria-describedby={isAtCapacity ? "menu-capacity" : undefined}
          >
            {data?.length ? "Add another account" : "Add an account"}
          </div>
          {isAtCapacity && (
            <div id="menu-capacity" className="menu-hint" role="none">
              {CAPACITY_TEXT}
            </div>
          )}
          <div className="menu-item" {...api.getItemProps({ value: "manage" })}>
            Manage accounts
          </div>
          {!!data?.length && (
            <div className="menu-item is-danger" {...api.getItemProps({ value: "sign-out" })}>
              Sign out of all accounts
            </div>
          )}
        </div>
      </div>
    </div>
  )
}
