import type { TestProject } from "vitest/node"
import { startAuthServer } from "./auth-server"

declare module "vitest" {
  export interface ProvidedContext {
    authURL: string
    /** A server that keeps 64 sessions per device, for runs that sign in again and again. */
    roomyAuthURL: string
    /** A server with better-auth's customSession(): get-session's answer is its own. */
    customAuthURL: string
    /** A server with @multisession/server's perTabAccounts(): an account for each tab. */
    perTabAuthURL: string
  }
}

// The server lives in Node's realm: inside happy-dom it would lose its set-cookie headers.
export default async function setup(project: TestProject) {
  const server = await startAuthServer({ maximumSessions: 3 })
  // A session lost on the server leaves its cookie on the device, and it counts towards the
  // server's maximum: a long run of losses and sign-ins needs room.
  const roomy = await startAuthServer({ maximumSessions: 64 })
  const custom = await startAuthServer({ maximumSessions: 3, customSession: true })
  const perTab = await startAuthServer({ maximumSessions: 3, perTab: true })
  project.provide("authURL", server.url)
  project.provide("roomyAuthURL", roomy.url)
  project.provide("customAuthURL", custom.url)
  project.provide("perTabAuthURL", perTab.url)
  return async () => {
    await Promise.all([server.close(), roomy.close(), custom.close(), perTab.close()])
  }
}
