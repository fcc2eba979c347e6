// For server-rendering tests: what a server route loads for one request, read from the real
// test server with that request's cookies (a device with Ada, or whoever signs up here).
import { inject } from "vitest"
import { newEmail, PASSWORD } from "./browser"

export async function loadPayload(names: string[] = ["Ada"]) {
  const url = inject("authURL")
  let cookie = ""
  for (const name of names) {
    const signUp = await fetch(`${url}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: url, cookie },
      body: JSON.stringify({ email: newEmail(name.toLowerCase()), password: PASSWORD, name }),
    })
    const split = (pair: string) => [
      pair.slice(0, pair.indexOf("=")),
      pair.slice(pair.indexOf("=") + 1),
    ]
    const jar = new Map(cookie.split("; ").filter(Boolean).map(split) as [string, string][])
    for (const line of signUp.headers.getSetCookie()) {
      const [key, value] = split(line.split(";")[0] ?? "") as [string, string]
      jar.set(key, value)
    }
    cookie = [...jar].map(([key, value]) => `${key}=${value}`).join("; ")
  }
  const read = async (path: string) =>
    (await fetch(`${url}/api/auth${path}`, { headers: { cookie } })).json()
  return {
    list: await read("/multi-session/list-device-sessions"),
    session: await read("/get-session"),
  }
}
