import type { TestProject } from "vitest/node"
import { startAuthServer } from "./auth-server"

declare module "vitest" {
  export interface ProvidedContext {
    authURL: string
  }
}

// The server lives in Node's realm: inside happy-dom it would lose its set-cookie headers.
export default async function setup(project: TestProject) {
  const server = await startAuthServer({ maximumSessions: 3 })
  project.provide("authURL", server.url)
  return server.close
}
