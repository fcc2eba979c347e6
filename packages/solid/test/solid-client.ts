// A better-auth/solid client against the real test server, the way an app creates one.
import { type MultiSessionClientOptions, multiSessionClient } from "@multisession/core"
import { inferAdditionalFields } from "better-auth/client/plugins"
import { createAuthClient } from "better-auth/solid"
import { inject } from "vitest"
import type { TestAuth } from "../../../test/auth-server"
import { disposedAfterTest, newEmail, PASSWORD, settleSignals } from "../../../test/browser"

export function makeSolidClient(
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

export type SolidClient = ReturnType<typeof makeSolidClient>

/** Signs a new account up through the real server; it becomes the active one. */
export async function signUp(client: SolidClient, name: string) {
  const email = newEmail(name.toLowerCase())
  const { data, error } = await client.signUp.email({ email, password: PASSWORD, name })
  if (error || !data) throw new Error(`sign-up failed: ${error?.message}`)
  await settleSignals()
  return { id: data.user.id, email, name }
}
