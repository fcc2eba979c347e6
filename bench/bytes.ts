// Bundle bytes: each published entry, and what ours and the baseline add to a better-auth app.
// esbuild, minified, browser, ESM; gzip at level 9. The budgets are held by the test command
// (size-limit, and budgets.ts for what core adds), not here.
import { execFileSync } from "node:child_process"
import { realpathSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import type { Plugin } from "esbuild"
import { BUILT_IN, clientWith, coreAdds, measure as measureWith } from "./lib/bundle"
import { writeResult } from "./lib/results"

const BENCH = import.meta.dirname
const ROOT = join(BENCH, "..")

// @tanstack/query-core is react-query's own dependency; find it where react-query does.
const reactQueryDir = realpathSync(join(BENCH, "node_modules/@tanstack/react-query"))
const queryCore = createRequire(join(reactQueryDir, "package.json")).resolve("@tanstack/query-core")
const resolveQueryCore: Plugin = {
  name: "query-core",
  setup(b) {
    b.onResolve({ filter: /^@tanstack\/query-core$/ }, () => ({ path: queryCore }))
  },
}

const measure = (entry: Parameters<typeof measureWith>[0], external: string[] = []) =>
  measureWith(entry, external, [resolveQueryCore])

const FRAMEWORKS = ["react", "react-dom", "react/*", "react-dom/*", "vue", "svelte", "svelte/*"]
const BETTER_AUTH = ["better-auth", "better-auth/*", "@better-auth/*", "@better-fetch/*"]

const dist = (name: string) => join(ROOT, "packages", name, "dist", "index.js")

// 1. The published entries.
const entries = []
for (const name of ["core", "react", "vue", "svelte"]) {
  const file = dist(name)
  entries.push({
    entry: `@multisession/${name}`,
    file: `packages/${name}/dist/index.js`,
    // What ships in the package, with its dependencies (nanostores bindings, core)
    // bundled, the framework and better-auth left out.
    withDependencies: await measure({ file }, [...FRAMEWORKS, ...BETTER_AUTH]),
    // Its own code only: nanostores and core too are left out, as size-limit counts it.
    own: await measure({ file }, [
      ...FRAMEWORKS,
      ...BETTER_AUTH,
      "nanostores",
      "@nanostores/*",
      "@multisession/core",
    ]),
  })
}

// 2. What core adds on top of better-auth/client, against better-auth's built-in plugin.
const client = await coreAdds()
const { builtIn, ours } = client
// The framework-free baseline: the built-in plugin plus TanStack Query's core for the list.
const builtInWithQueryCore = await measure({
  code: `${clientWith(BUILT_IN)}
  import { QueryClient, QueryObserver } from "@tanstack/query-core"
  export const queryClient = new QueryClient()
  export const observer = new QueryObserver(queryClient, {
    queryKey: ["device-sessions"],
    queryFn: () => authClient.multiSession.listDeviceSessions(),
  })
`,
})

// 3. In a React app: what each adds on top of better-auth/react with the built-in plugin.
const reactBase = await measure(
  {
    code: `
  import { createAuthClient } from "better-auth/react"
  import { multiSessionClient } from "better-auth/client/plugins"
  export const authClient = createAuthClient({ plugins: [multiSessionClient()] })
  export const useSession = authClient.useSession
`,
  },
  FRAMEWORKS,
)
const reactBaseline = await measure(
  {
    code: `
  import { createAuthClient } from "better-auth/react"
  import { multiSessionClient } from "better-auth/client/plugins"
  export { QueryClient, QueryClientProvider, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
  export const authClient = createAuthClient({ plugins: [multiSessionClient()] })
  export const useSession = authClient.useSession
`,
  },
  FRAMEWORKS,
)
const reactOurs = await measure(
  {
    code: `
  import { createAuthClient } from "better-auth/react"
  import { multiSessionClient } from "@multisession/core"
  export { MultiSessionProvider, useDeviceSessions } from "@multisession/react"
  export const authClient = createAuthClient({ plugins: [multiSessionClient()] })
  export const useSession = authClient.useSession
`,
  },
  FRAMEWORKS,
)

// 4. The two switcher apps of the latency bench, React included.
const pages = {
  ours: await measure({ file: join(BENCH, "pages/ours.tsx") }),
  baseline: await measure({ file: join(BENCH, "pages/baseline.tsx") }),
}

// 5. The budgets, as size-limit (the test command) measures and holds them.
let sizeLimit: unknown = null
try {
  const bin = join(ROOT, "node_modules/.bin/size-limit")
  sizeLimit = JSON.parse(execFileSync(bin, ["--json"], { cwd: ROOT, encoding: "utf8" }))
} catch (error) {
  // Over budget, size-limit exits non-zero but still prints its JSON.
  const stdout = (error as { stdout?: string }).stdout
  try {
    sizeLimit = stdout ? JSON.parse(stdout) : null
  } catch {
    sizeLimit = null
  }
}

writeResult("bytes", {
  gzipLevel: 9,
  esbuild: (await import("esbuild")).version,
  entries,
  client: {
    builtIn,
    ours,
    builtInWithQueryCore,
    extras: { autoSwitch: client.autoSwitch, hydration: client.hydration },
  },
  react: { base: reactBase, baseline: reactBaseline, ours: reactOurs },
  pages,
  sizeLimit,
})
console.log(
  `bytes: core adds ${ours.gzip - builtIn.gzip} B gzip to better-auth/client; ` +
    `query-core adds ${builtInWithQueryCore.gzip - builtIn.gzip} B (${dirname(queryCore)})`,
)
