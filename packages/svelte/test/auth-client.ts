import { type MultiSessionClientOptions, multiSessionClient } from "@multisession/core"
import { inferAdditionalFields } from "better-auth/client/plugins"
import { createAuthClient } from "better-auth/svelte"
import { inject } from "vitest"
import type { TestAuth } from "../../../test/auth-server"
import { disposedAfterTest, newEmail, PASSWORD, settleSignals } from "../../../test/browser"

/** A `better-auth/svelte` client of the test server, typed with its `plan` user field. */
export function makeSvelteClient(
  customFetchImpl: typeof fetch = fetch,
  { baseURL = inject("authURL"), ...options }: MultiSessionClientOptions & { baseURL?: string } = {
    maximumSessions: 3,
  },
) {
  return disposedAfterTest(
    createAuthClient({
      baseURL,
      plugins: [multiSessionClient(options), inferAdditionalFields<TestAuth>()],
      fetchOptions: { customFetchImpl },
    }),
  )
}

export type SvelteAuthClient = ReturnType<typeof makeSvelteClient>

/** Signs a new account up through the real server with this client; it becomes the active one. */
export async function signUp(client: SvelteAuthClient, name: string) {
  const email = newEmail(name.toLowerCase())
  const { data, error } = await client.signUp.email({ email, password: PASSWORD, name })
  if (error || !data) throw new Error(`sign-up failed: ${error?.message}`)
  await settleSignals()
  return { id: data.user.id, email, name }
}
