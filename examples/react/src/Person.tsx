import type { CSSProperties } from "react"
import { hue, initials } from "../../shared/people"

type User = { id: string; name: string; email: string; image?: string | null }

/**
 * The person's picture when they have one, else their initials on their own colour. The
 * initials are drawn by CSS: a picture, not text that would join the accessible name.
 */
export function Avatar({ user }: { user: User }) {
  return (
    <span
      className="avatar"
      aria-hidden="true"
      data-initials={user.image ? undefined : initials(user.name)}
      style={{ "--hue": hue(user.id) } as CSSProperties}
    >
      {user.image && <img src={user.image} alt="" />}
    </span>
  )
}

/** Avatar, then name and email: the same row in the header, the menu and the list. */
export function Who({ user }: { user: User }) {
  return (
    <>
      <Avatar user={user} />
      <span className="who">
        <span className="name">{user.name}</span> <span className="email">{user.email}</span>
      </span>
    </>
  )
}
