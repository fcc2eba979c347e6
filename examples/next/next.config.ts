import { fileURLToPath } from "node:url"
import type { NextConfig } from "next"

// The repository root: this app imports examples/server, examples/react and examples/shared
// next door, which Turbopack compiles and the build's file tracing follows only inside it.
const root = fileURLToPath(new URL("../..", import.meta.url))

export default {
  // Loaded from node_modules at run time: better-sqlite3 is a native module, pg loads drivers lazily.
  serverExternalPackages: ["better-sqlite3", "pg"],
  turbopack: { root },
  outputFileTracingRoot: root,
  // `pnpm typecheck` checks the types (the root `pnpm typecheck` runs it); the build skips its
  // own second run of tsc, a third of its time here.
  typescript: { ignoreBuildErrors: true },
} satisfies NextConfig
