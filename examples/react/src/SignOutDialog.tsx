import * as dialog from "@zag-js/dialog"
import { normalizeProps, useMachine } from "@zag-js/react"
import { useId, useRef } from "react"

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
  const cancel = useRef<HTMLButtonElement>(null)
  const service = useMachine(dialog.machine, {
    id: useId(),
    role: "alertdialog",
    open: props.open,
    onOpenChange: ({ open }) => props.onOpenChange(open),
    initialFocusEl: () => cancel.current,
  })
  const api = dialog.connect(service, normalizeProps)
  if (!api.open) return null
  return (
    <>
      <div className="backdrop" {...api.getBackdropProps()} />
      <div className="dialog-positioner" {...api.getPositionerProps()}>
        <div className="dialog" {...api.getContentProps()}>
          <h2 {...api.getTitleProps()}>Sign out of all accounts?</h2>
          <p {...api.getDescriptionProps()}>
            Every account on this device is signed out, in every tab of this browser.
          </p>
          <div className="dialog-actions">
            <button type="button" ref={cancel} {...api.getCloseTriggerProps()}>
              Cancel
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => {
                props.onConfirm()
                api.setOpen(false)
              }}
            >
              Sign out of all
            </button>
          </div>
        </div>
      </div>
    </>
  )
}
