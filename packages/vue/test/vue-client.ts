// A better-auth/vue client against the real test server, the way an app creates one.

import { type MultiSessionClientOptions, multiSessionClient } from "@multisession/core"
import { inferAdditionalFields } from "better-auth/client/plugins"
import { createAuthClient } from "better-auth/vue"
import { inject } from "vitest"
import { disposedAfterTest, newEmail, PASSWORD, settleSignals } from "../../../test/browser"

export function makeVueClient(
  customFetchImpl: typeof fetch = fetch,
  { baseURL = inject("authURL"), ...options }: MultiSessionClientOptions & { baseURL?: string } = {
    maximumSessions: 3,
  },
) {
  return disposedAfterTest(
    createAuthClient({
      baseURL,
      plugins: [
        // The test server declares user.additionalFields.plan.
        inferAdditionalFields({ user: { plan: { type: "string", required: false } } }),
        multiSessionClient(options),
      ],
      fetchOptions: { customFetchImpl },
    }),
  )
}

export type VueClient = ReturnType<typeof makeVueClient>

/** Signs a new account up through the real server; it becomes the active one. */
export async function signUp(client: VueClient, name: string) {
  const email = newEmail(name.toLowerCase())
  const { data, error } = await client.signUp.email({ email, password: PASSWORD, name })
  if (error || !data) throw new Error(`sign-up failed: ${error?.message}`)
  await settleSignals()
  return { id: data.user.id, email, name }
}
