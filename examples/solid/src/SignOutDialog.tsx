import * as dialog from "@zag-js/dialog"
import { normalizeProps, useMachine } from "@zag-js/solid"
import { createMemo, createUniqueId, Show } from "solid-js"

/**
 * "Sign out of all accounts" asks first: it signs out every account on this device, and
 * every tab with it. An alert dialog on Zag's machine: focus trapped, Escape cancels, focus
 * goes back where it was.
 */
export function SignOutDialog(props: {
  open: boolean
  onOpenChange: (open: boolean) => void
  onConfirm: () => void
}) {
  let cancel: HTMLButtonElement | undefined
  const id = createUniqueId()
  // An accessor, so the machine follows `open` as the parent changes it.
  const service = useMachine(
    dialog.machine,
    (): Partial<dialog.Props> => ({
      id,
      role: "alertdialog",
      open: props.open,
      onOpenChange: ({ open }) => props.onOpenChange(open),
      initialFocusEl: () => cancel ?? null,
    }),
  )
  const api = createMemo(() => dialog.connect(service, normalizeProps))
  return (
    <Show when={api().open}>
      <div class="backdrop" {...api().getBackdropProps()} />
      <div class="dialog-positioner" {...api().getPositionerProps()}>
        <div class="dialog" {...api().getContentProps()}>
          <h2 {...api().getTitleProps()}>Sign out of all accounts?</h2>
          <p {...api().getDescriptionProps()}>
            Every account on this device is signed out, in every tab of this browser.
          </p>
          <div class="dialog-actions">
            <button type="button" ref={cancel} {...api().getCloseTriggerProps()}>
              Cancel
            </button>
            <button
              type="button"
              class="danger"
              onClick={() => {
                props.onConfirm()
                api().setOpen(false)
              }}
            >
              Sign out of all
            </button>
          </div>
        </div>
      </div>
    </Show>
  )
}
