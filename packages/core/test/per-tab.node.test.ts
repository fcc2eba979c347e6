// @vitest-environment node
// A client on the server (one client may serve many people's requests) with
// perTabAccountsClient(): it must never take an account from an answer, nor name one.
import { createAuthClient } from "better-auth/client"
import { expect, inject, test } from "vitest"
import { PASSWORD } from "../../../test/browser"
import { multiSessionClient, perTabAccountsClient } from "../src"

const HEADER = "x-multisession-account"

test("a client on the server takes no account from its answers and names none", async () => {
  const named: (string | null)[] = []
  let cookie = ""
  const client = createAuthClient({
    baseURL: inject("perTabAuthURL"),
    plugins: [multiSessionClient(), perTabAccountsClient()],
    fetchOptions: {
      customFetchImpl: async (input, init) => {
        const request = new Request(input, init)
        named.push(request.headers.get(HEADER))
        if (cookie) request.headers.set("cookie", cookie)
        const response = await fetch(request)
        cookie ||= response.headers
          .getSetCookie()
          .map((c) => c.split(";")[0])
          .join("; ")
        return response
      },
    },
  })
  expect(typeof window).toBe("undefined")
  const signedUp = await client.signUp.email({
    email: `server-${crypto.randomUUID()}@example.com`,
    password: PASSWORD,
    name: "Sam",
  })
  expect(signedUp.error).toBeNull()
  // The session, answered as Sam: a tab in a browser would take Sam from it.
  const session = await client.getSession()
  expect(session.data?.user.id).toBe(signedUp.data?.user.id)
  await client.getSession()
  expect(client.perTab.userId()).toBeNull()
  expect(client.perTab.headers()).toEqual({})
  expect(named).toEqual([null, null, null])
  client.multiSession.dispose()
})
