import { multiSessionClient } from "@multisession/core"
import { createAuthClient } from "better-auth/svelte"

export const authClient = createAuthClient({ plugins: [multiSessionClient()] })
Object.assign(window, { authClient })
