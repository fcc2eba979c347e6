// Core alone, on better-auth's framework-free client.
import { getDeviceSessions, multiSessionClient } from "@multisession/core"
import { createAuthClient } from "better-auth/client"

const authClient = createAuthClient({ plugins: [multiSessionClient()] })
Object.assign(window, { authClient })

// The types are real, not `any`: a bare string is no target.
// @ts-expect-error a target is an entry, { userId } or { sessionToken }
void authClient.multiSession.setActive("someone")

const { $deviceSessions, setActive } = getDeviceSessions(authClient)
const main = document.createElement("main")
document.getElementById("root")?.append(main)

$deviceSessions.subscribe(({ data, active, isPending, error, switching }) => {
  main.dataset.state = isPending
    ? "pending"
    : error
      ? `error ${error.code}`
      : switching
        ? "switching"
        : "ready"
  const who = document.createElement("p")
  who.id = "active"
  who.textContent = active?.user.name ?? "none"
  const list = document.createElement("ul")
  for (const entry of data ?? []) {
    const button = document.createElement("button")
    button.type = "button"
    button.ariaPressed = String(entry.isActive)
    button.textContent = entry.user.name
    button.onclick = () => void setActive(entry)
    list.append(document.createElement("li"))
    list.lastElementChild?.append(button)
  }
  main.replaceChildren(who, list)
})
