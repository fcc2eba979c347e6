// One browser's cookie jar, kept by hand from each response's Set-Cookie, and the calls a page
// would make with it. Every request goes over real HTTP to a real server (test/server.ts).
import { PER_TAB_HEADER } from "../src"

export const SESSION_TOKEN = "better-auth.session_token"
export const MULTI_PREFIX = `${SESSION_TOKEN}_multi-`
/** The device's own session state, which no header request may set. */
export const DEVICE_STATE =
  /^better-auth\.(session_token|session_data(\.\d+)?|account_data(\.\d+)?|dont_remember)$/
export const PASSWORD = "correct-horse-battery-staple"

export interface User {
  id: string
  email: string
  name: string
  /** The session token of the sign-in that made this user known to the test. */
  token: string
}

export interface Reply {
  status: number
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers, read field by field in the tests
  body: any
  setCookies: string[]
}

export interface SendOptions {
  method?: "GET" | "POST"
  body?: unknown
  /** The per-tab header's value; undefined sends no header. */
  account?: string | undefined
  /** A Cookie header to send instead of the jar's; the reply then leaves the jar alone. */
  cookie?: string
}

let emails = 0

export const cookieName = (entry: string) => entry.slice(0, entry.indexOf("=")).trim()

/** The Set-Cookie entries of a reply that touch the device's own session state. */
export const deviceStateSet = (reply: Reply) =>
  reply.setCookies.filter((entry) => DEVICE_STATE.test(cookieName(entry)))

export class Device {
  /** name → value as the server sent it (still URL-encoded), in the order it was set. */
  readonly jar = new Map<string, string>()

  constructor(
    readonly url: string,
    readonly header = PER_TAB_HEADER,
  ) {}

  cookieHeader(jar: Map<string, string> = this.jar): string {
    return [...jar].map(([name, value]) => `${name}=${value}`).join("; ")
  }

  async send(path: string, options: SendOptions = {}): Promise<Reply> {
    const headers = new Headers({ origin: this.url })
    const cookie = options.cookie ?? this.cookieHeader()
    if (cookie) headers.set("cookie", cookie)
    if (options.account !== undefined) headers.set(this.header, options.account)
    if (options.body !== undefined) headers.set("content-type", "application/json")
    const response = await fetch(`${this.url}${path}`, {
      method: options.method ?? (options.body === undefined ? "GET" : "POST"),
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    })
    const setCookies = response.headers.getSetCookie()
    if (options.cookie === undefined) this.store(setCookies)
    const text = await response.text()
    const json = response.headers.get("content-type")?.includes("json") && text
    return { status: response.status, body: json ? JSON.parse(text) : null, setCookies }
  }

  /** Applies Set-Cookie entries as a browser would (an empty value or Max-Age=0 deletes). */
  store(entries: string[]): void {
    for (const entry of entries) {
      const [pair = "", ...attributes] = entry.split(";")
      const name = cookieName(pair)
      const value = pair.slice(pair.indexOf("=") + 1)
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute))
      if (!value || expired) this.jar.delete(name)
      else this.jar.set(name, value)
    }
  }

  /** Whom `get-session` answers as, with this header value (undefined: none). */
  async whoIs(account?: string, cookie?: string): Promise<string | null> {
    const reply = await this.send("/api/auth/get-session", {
      account,
      ...(cookie === undefined ? {} : { cookie }),
    })
    if (reply.status !== 200) throw new Error(`get-session answered ${reply.status}`)
    return reply.body?.user?.id ?? null
  }

  /** Whom the app's own route (`auth.api.getSession({ headers })`) answers as. */
  async whoamiRoute(account?: string): Promise<string | null> {
    const reply = await this.send("/app/whoami", { account })
    if (reply.status === 401) return null
    if (reply.status !== 200) throw new Error(`/app/whoami answered ${reply.status}`)
    return reply.body.userId
  }

  async signUp(name: string): Promise<User> {
    const email = `${name.toLowerCase()}-${++emails}@example.com`
    const reply = await this.send("/api/auth/sign-up/email", {
      body: { email, password: PASSWORD, name },
    })
    if (reply.status !== 200) throw new Error(`sign-up answered ${reply.status}`)
    return { id: reply.body.user.id, email, name, token: reply.body.token }
  }

  async signIn(user: User, extra: Record<string, unknown> = {}): Promise<User> {
    const reply = await this.send("/api/auth/sign-in/email", {
      body: { email: user.email, password: PASSWORD, ...extra },
    })
    if (reply.status !== 200) throw new Error(`sign-in answered ${reply.status}`)
    return { ...user, token: reply.body.token }
  }

  /** The multi cookie multiSession() keeps for this session token: [name, raw value]. */
  multiCookie(token: string): [string, string] {
    const name = `${MULTI_PREFIX}${token.toLowerCase()}`
    const value = this.jar.get(name)
    if (!value) throw new Error(`no multi cookie for ${token}`)
    return [name, value]
  }

  multiCookieNames(): string[] {
    return [...this.jar.keys()].filter((name) => name.startsWith(MULTI_PREFIX))
  }

  /** Another device holding a copy of this jar (a copied or replayed cookie jar). */
  copy(): Device {
    const twin = new Device(this.url, this.header)
    for (const [name, value] of this.jar) twin.jar.set(name, value)
    return twin
  }
}

/** A signed cookie value's parts, decoded: `token.signature`. */
export function splitSigned(raw: string): { token: string; signature: string } {
  const value = decodeURIComponent(raw)
  const dot = value.lastIndexOf(".")
  return { token: value.slice(0, dot), signature: value.slice(dot + 1) }
}

export const encodeSigned = (token: string, signature: string) =>
  encodeURIComponent(`${token}.${signature}`)
