// What the server loads for a page and the browser starts from: handed over in Nuxt's payload
// (devalue, so the sessions' Dates stay Dates).
import type { DeviceSessionsPayload } from "@multisession/vue"
import type { Notes } from "../../shared/notes"

export interface ServedAccounts {
  /** The device's list and the current session, read with this request's cookies. */
  payload: DeviceSessionsPayload
  /** The active account's notes, or `null` signed out. */
  notes: Notes | null
}

declare module "h3" {
  interface H3EventContext {
    /** Set on every request by server/plugins/auth.ts; the Vue app's plugin calls it. */
    loadAccounts?: () => Promise<ServedAccounts>
  }
}
