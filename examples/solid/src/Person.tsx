import { Show } from "solid-js"
import { hue, initials } from "../../shared/people"

type User = { id: string; name: string; email: string; image?: string | null }

/**
 * The person's picture when they have one, else their initials on their own colour. The
 * initials are drawn by CSS: a picture, not text that would join the accessible name.
 */
export function Avatar(props: { user: User }) {
  return (
    <span
      class="avatar"
      aria-hidden="true"
      data-initials={props.user.image ? undefined : initials(props.user.name)}
      style={{ "--hue": hue(props.user.id) }}
    >
      <Show when={props.user.image}>{(image) => <img src={image()} alt="" />}</Show>
    </span>
  )
}

/** Avatar, then name and email: the same row in the header, the menu and the list. */
export function Who(props: { user: User }) {
  return (
    <>
      <Avatar user={props.user} />
      <span class="who">
        <span class="name">{props.user.name}</span> <span class="email">{props.user.email}</span>
      </span>
    </>
  )
}
