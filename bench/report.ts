// Turns bench/.out/results/*.json into BENCHMARKS.md at the repository root, and exits
// non-zero when a count check fails (never on a timing).
import { readFileSync, writeFileSync } from "node:fs"
import { cpus, freemem, release, totalmem, type } from "node:os"
import { join } from "node:path"
import { CORE_BUDGET } from "./lib/bundle"
import {
  type Count,
  type RequestsResult,
  requestChecks,
  SERVER_LIMIT,
  TABS_LIMIT,
} from "./lib/checks"
import { readResult } from "./lib/results"

interface Size {
  min: number
  gzip: number
}
interface BytesResult {
  gzipLevel: number
  esbuild: string
  entries: { entry: string; file: string; withDependencies: Size; own: Size }[]
  client: {
    builtIn: Size
    ours: Size
    builtInWithQueryCore: Size
    extras: { autoSwitch: number; hydration: number }
  }
  react: { base: Size; baseline: Size; ours: Size }
  pages: { ours: Size; baseline: Size }
  sizeLimit: { name: string; passed: boolean; size: number; sizeLimit: number }[] | null
}
interface TabPhase {
  requests: number[]
  current: number
}
type TabsResult = Record<"ours" | "baseline", { afterSwitch: TabPhase; afterReturn: TabPhase }>
type Summary = Record<string, { mean: number; min: number; max: number }>
interface RendersResult {
  switches: number
  revokes: number
  switch: { ours: Summary; baseline: Summary }
  revoke: { ours: Summary; baseline: Summary }
}
interface Stats {
  n: number
  median: number
  p90: number
  min: number
  max: number
}
interface LatencyResult {
  browser: string
  switches: number
  warmup: number
  ours: { shown: Stats; settled: Stats }
  baseline: { shown: Stats; settled: Stats }
  /** Absent from results written before the careful baseline existed. */
  careful?: { shown: Stats; settled: Stats }
}
interface MemoryResult {
  cycles: number
  rows: {
    binding: string
    cycles: number
    heapBeforeMB: number
    heapAfterMB: number
    listeners: number
    sessionListeners: number
    ms: number
  }[]
}
interface RunResult {
  steps: { name: string; seconds: number; ok: boolean }[]
  seconds: number
}

const bytes = readResult<BytesResult>("bytes")
const requests = readResult<RequestsResult>("requests")
const tabs = readResult<TabsResult>("tabs")
const renders = readResult<RendersResult>("renders")
const bindingRenders = readResult<{
  switches: number
  revokes: number
  vue: { switch: Summary; revoke: Summary }
  svelte: { switch: Summary; revoke: Summary }
}>("renders-vue-svelte")
const latency = readResult<LatencyResult>("latency")
const memory = readResult<MemoryResult>("memory")
const run = readResult<RunResult>("run")
// Written by the e2e suite (e2e/tests/follow-the-switch.spec.ts), not by the bench.
type FollowStep = "this-tab" | "other-tab" | "revoke-active" | "session-lost" | "slow-data"
interface FollowResult {
  changes: number
  arrivals: number
  notesRequests: number
  perStep: Record<FollowStep, { steps: number; changes: number; requests: number }>
  frames: { page: number; other: number }
}
const follow = (() => {
  try {
    const file = join(import.meta.dirname, "..", "e2e", "artifacts", "follow-the-switch.json")
    return JSON.parse(readFileSync(file, "utf8")) as Record<string, FollowResult>
  } catch {
    return null
  }
})()

// --- formatting -----------------------------------------------------------------------------

const kB = (n: number) => (Math.abs(n) >= 1000 ? `${(n / 1000).toFixed(2)} kB` : `${n} B`)
const ms = (n: number) => `${n.toFixed(1)} ms`
const ratio = (ours: number, baseline: number) =>
  baseline === 0 ? (ours === 0 ? "1.00" : "—") : (ours / baseline).toFixed(2)
const row = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`
const table = (head: string[], rows: (string | number)[][]) =>
  [row(head), row(head.map(() => "---")), ...rows.map(row)].join("\n")
const missing = (what: string) => `_Not measured in this run: ${what} did not produce results._`
const byPath = (count: Count) =>
  Object.entries(count.byPath)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([path, n]) => `${n}× \`${path}\``)
    .join(", ") || "none"
const spread = (s?: { mean: number; min: number; max: number }) =>
  !s
    ? "–"
    : s.min === s.max
      ? `${Number(s.mean.toFixed(2))}`
      : `${s.mean.toFixed(1)} (${s.min}–${s.max})`
const sum = (list: number[]) => list.reduce((a, b) => a + b, 0)

// Requests until every tab shows the switch: the switch alone, or with the user's return.
const untilCurrent = (side: { afterSwitch: TabPhase; afterReturn: TabPhase }) =>
  side.afterSwitch.current === 3
    ? sum(side.afterSwitch.requests)
    : side.afterReturn.current === 3
      ? sum(side.afterSwitch.requests) + sum(side.afterReturn.requests)
      : Number.POSITIVE_INFINITY

// --- count checks: the only assertions that fail the bench ------------------------------------

const checks: { name: string; ok: boolean }[] = []
const check = (name: string, ok: boolean) => checks.push({ name, ok })
const TABS_EXACTLY = 6
if (requests) checks.push(...requestChecks(requests.rows))
else check("requests measured", false)
if (tabs) {
  const ours = untilCurrent(tabs.ours)
  const baseline = untilCurrent(tabs.baseline)
  check(
    `requests until 3 tabs show a switch: ours (${ours}) ≤ baseline (${baseline})`,
    ours <= baseline,
  )
  check(
    `requests until 3 tabs show a switch: ours exactly ${TABS_EXACTLY} (${ours})`,
    ours === TABS_EXACTLY,
  )
} else check("tabs measured", false)
if (memory) {
  for (const m of memory.rows) {
    check(
      `listeners after ${m.cycles.toLocaleString("en")} cycles, ${m.binding}: ${m.listeners} (must be 0)`,
      m.listeners === 0,
    )
  }
} else check("memory measured", false)
if (bindingRenders) {
  // An unchanged entry keeps its object, so its Vue row never renders; a Svelte subscriber
  // that asked for the list alone is called once per switch (the active flags change).
  for (const op of ["switch", "revoke"] as const) {
    const row = bindingRenders.vue[op]["untouched-row"]
    check(
      `Vue renders per ${op}, a row whose account did not change: ${row?.max} (must be 0)`,
      row?.max === 0,
    )
  }
  const data = bindingRenders.svelte.switch["account-count"]
  check(
    `Svelte calls per switch, a fields: ["data"] subscriber: ${data?.min}–${data?.max} (must be 1)`,
    data?.min === 1 && data.max === 1,
  )
} else check("Vue and Svelte renders measured", false)

// --- the document -----------------------------------------------------------------------------

const cpu = cpus()
const machine = [
  `${type()} ${release()}`,
  `${cpu[0]?.model.trim() ?? "unknown CPU"}, ${cpu.length} cores`,
  `${(totalmem() / 1024 ** 3).toFixed(1)} GB memory (${(freemem() / 1024 ** 3).toFixed(1)} GB free)`,
  `Node ${process.version}`,
  latency?.browser,
]
  .filter(Boolean)
  .join(" · ")

const out: string[] = []
out.push(`# Benchmarks

Generated by \`bench/\` on ${new Date().toISOString()}${run ? ` in ${Math.round(run.seconds)} s` : ""}.
Machine: ${machine}.

**Ours** is \`@multisession/react\` over \`@multisession/core\`'s \`multiSessionClient()\`. The
**baseline** is what a better-auth user writes today: better-auth's built-in \`multiSessionClient\`
(\`better-auth/client/plugins\`), better-auth's \`useSession()\`, and the device-session list in
TanStack Query the way better-auth-ui keeps it (\`useQuery({ queryKey: ["device-sessions"] })\`,
React Query's defaults: \`staleTime: 0\`, \`refetchOnWindowFocus: true\`), invalidated by hand after
set-active, revoke, sign-in and sign-out, and the session refetched by hand after revoking the
active account. Both apps are in [bench/apps](bench/apps) and run, in one run, against the same
real better-auth server (\`multiSession({ maximumSessions: 3 })\` on SQLite).

Machines are noisy: read the ratios, not the absolute times. A ratio is **ours ÷ baseline**, so
below 1 means ours is smaller, sends fewer requests, renders less or is faster.`)

// Headline
const head: (string | number)[][] = []
if (bytes) {
  const oursReact = bytes.react.ours.gzip - bytes.react.base.gzip
  const baseReact = bytes.react.baseline.gzip - bytes.react.base.gzip
  head.push([
    "Bytes a React app adds for the list, on top of `better-auth/react` (min+gzip)",
    kB(oursReact),
    kB(baseReact),
    ratio(oursReact, baseReact),
  ])
}
const req = (id: string) => requests?.rows.find((r) => r.id === id)
for (const [id, label] of [
  ["focus", "Requests for 100 focus events in 1 s"],
  ["mount-100", "Requests to mount 100 subscribers"],
  ["switch", "Requests per switch"],
  ["revoke", "Requests per removal of another account"],
] as const) {
  const r = req(id)
  if (r)
    head.push([
      label,
      r.ours.total,
      r.baseline.total,
      ratio(r.ours.total, r.baseline.total),
      SERVER_LIMIT[id]?.requests ?? "–",
    ])
}
if (tabs) {
  const ours = untilCurrent(tabs.ours)
  const baseline = untilCurrent(tabs.baseline)
  head.push([
    "Requests until 3 open tabs all show a switch",
    `${ours} (the tabs follow by themselves)`,
    `${baseline} (only once the user returns to each tab)`,
    ratio(ours, baseline),
    TABS_LIMIT.requests,
  ])
}
if (renders) {
  for (const [key, label] of [
    ["switcher", "React renders per switch: the switcher"],
    ["untouched-row", "React renders per switch: a memoized row whose account did not change"],
    [
      "account-count",
      'React renders per switch: a component that reads only the list\'s length (ours with fields: ["data"])',
    ],
  ] as const) {
    const o = renders.switch.ours[key]
    const b = renders.switch.baseline[key]
    head.push([label, spread(o), spread(b), ratio(o?.mean ?? 0, b?.mean ?? 0)])
  }
}
if (latency) {
  const { ours, baseline, careful } = latency
  // Optimistic against optimistic: the careful baseline shows the target at the click too.
  if (careful)
    head.push([
      "Switch latency in Chromium, click → new name on screen (median), against the **careful** baseline (both optimistic)",
      ms(ours.shown.median),
      ms(careful.shown.median),
      ratio(ours.shown.median, careful.shown.median),
    ])
  head.push([
    "Switch latency in Chromium, click → list and session refreshed (median)",
    ms(ours.settled.median),
    ms(baseline.settled.median),
    ratio(ours.settled.median, baseline.settled.median),
  ])
  if (careful)
    head.push([
      "… the same, against the **careful** baseline",
      ms(ours.settled.median),
      ms(careful.settled.median),
      ratio(ours.settled.median, careful.settled.median),
    ])
}
if (memory) {
  const most = Math.max(...memory.rows.map((m) => m.listeners))
  head.push([
    `Store listeners left after ${memory.cycles.toLocaleString("en")} mount/unmount cycles (core, React, Vue, Svelte)`,
    most,
    "–",
    "–",
  ])
}
out.push(`## Headline

${table(
  ["", "ours", "baseline", "ours ÷ baseline", "server's limit"],
  head.map((cells) => (cells.length === 4 ? [...cells, "–"] : cells)),
)}

### Count checks

These fail \`pnpm bench\`; nothing about time ever does.

${checks.map((c) => `- ${c.ok ? "✅" : "❌"} ${c.name}`).join("\n")}`)

// 1. Bytes
if (bytes) {
  const budget = (entry: string) => bytes.sizeLimit?.find((s) => s.name.startsWith(`${entry} `))
  out.push(`## 1. Bytes

esbuild ${bytes.esbuild}, \`--minify\`, browser, ESM, gzip level ${bytes.gzipLevel}; 1 kB = 1000 B.
The budgets are held in \`pnpm test\`: size-limit (\`.size-limit.json\`) for each entry and
binding, counting only the named imports an app uses, and \`bench/budgets.ts\` for what core
adds to a better-auth app (section "On top of"). The columns here count the whole entry.

### Published entries

${table(
  [
    "entry",
    "whole entry, own code (min)",
    "own code (min+gzip)",
    "with the dependencies it pulls in (min+gzip)",
    "size-limit: size / budget",
  ],
  bytes.entries.map((e) => {
    const b = budget(e.entry)
    return [
      `\`${e.entry}\``,
      kB(e.own.min),
      kB(e.own.gzip),
      kB(e.withDependencies.gzip),
      b ? `${kB(b.size)} / ${kB(b.sizeLimit)} ${b.passed ? "✅" : "❌"}` : "–",
    ]
  }),
)}

"Own code" leaves out the framework, better-auth, nanostores and \`@multisession/core\`;
"with the dependencies" leaves out only the framework and better-auth (which already ships
nanostores), so a binding's figure includes the
few parts of core it uses.

### On top of \`better-auth/client\`

Each bundle is \`createAuthClient({ plugins: [multiSessionClient()] })\`, everything bundled.

${table(
  ["bundle", "min", "min+gzip", "adds to A (min+gzip)"],
  [
    [
      "A: `better-auth/client` + built-in `multiSessionClient`",
      kB(bytes.client.builtIn.min),
      kB(bytes.client.builtIn.gzip),
      "–",
    ],
    [
      "B: `better-auth/client` + `@multisession/core`",
      kB(bytes.client.ours.min),
      kB(bytes.client.ours.gzip),
      `**${kB(bytes.client.ours.gzip - bytes.client.builtIn.gzip)}**`,
    ],
    [
      "A + `@tanstack/query-core` (`QueryClient`, `QueryObserver`)",
      kB(bytes.client.builtInWithQueryCore.min),
      kB(bytes.client.builtInWithQueryCore.gzip),
      `**${kB(bytes.client.builtInWithQueryCore.gzip - bytes.client.builtIn.gzip)}**`,
    ],
  ],
)}

B − A = ${kB(bytes.client.ours.gzip - bytes.client.builtIn.gzip)} is what core costs over the built-in plugin
(budget ${kB(CORE_BUDGET)}, held by \`bench/budgets.ts\` in \`pnpm test\`). The opt-in exports add to B only in
apps that import them: \`autoSwitch()\` ${kB(bytes.client.extras.autoSwitch)}, the server-rendering
helpers ${kB(bytes.client.extras.hydration)}.
The framework-free baseline (a query cache for the list) costs ${kB(bytes.client.builtInWithQueryCore.gzip - bytes.client.builtIn.gzip)}: ratio ${ratio(bytes.client.ours.gzip - bytes.client.builtIn.gzip, bytes.client.builtInWithQueryCore.gzip - bytes.client.builtIn.gzip)}.

### In a React app (React external)

${table(
  ["bundle", "min+gzip", "adds to better-auth/react (min+gzip)"],
  [
    ["`better-auth/react` + built-in plugin, `useSession`", kB(bytes.react.base.gzip), "–"],
    [
      "… + `@tanstack/react-query` (baseline)",
      kB(bytes.react.baseline.gzip),
      kB(bytes.react.baseline.gzip - bytes.react.base.gzip),
    ],
    [
      "`better-auth/react` + `@multisession/core` + `@multisession/react` (ours)",
      kB(bytes.react.ours.gzip),
      kB(bytes.react.ours.gzip - bytes.react.base.gzip),
    ],
  ],
)}

The two switcher pages of the latency run, React and React DOM included: ours ${kB(bytes.pages.ours.gzip)},
baseline ${kB(bytes.pages.baseline.gzip)} min+gzip (ratio ${ratio(bytes.pages.ours.gzip, bytes.pages.baseline.gzip)}).`)
} else out.push(`## 1. Bytes\n\n${missing("bench/bytes.ts")}`)

// 2. Requests
const noted = requests?.rows.filter((r) => r.note).map((r) => r.id) ?? []
const mark = (id: string) => "¹²³⁴⁵⁶⁷⁸⁹"[noted.indexOf(id)] ?? "*"
if (requests) {
  out.push(`## 2. Requests

Counted by wrapping the real fetch of each app's auth client, from the operation until the
network is quiet for 300 ms, in happy-dom against the real server. The device starts with two or
three signed-in accounts; "subscribers" are components that use the list hook (the baseline's
also read \`useSession()\`, since its list has no "active" flag).

${table(
  [
    "operation",
    "ours",
    "baseline",
    "ours ÷ baseline",
    "server's limit",
    "ours, by path",
    "baseline, by path",
  ],
  requests.rows.map((r) => [
    r.operation + (r.note ? ` ${mark(r.id)}` : ""),
    r.ours.total,
    r.baseline.total,
    ratio(r.ours.total, r.baseline.total),
    SERVER_LIMIT[r.id]?.requests ?? "–",
    byPath(r.ours),
    byPath(r.baseline),
  ]),
)}

**The server's limit** is the fewest requests the server allows, with what the client already
knows:

${requests.rows
  .filter((r) => SERVER_LIMIT[r.id] && r.id !== "mount-10" && r.id !== "mount-100")
  .map(
    (r) =>
      `- ${r.operation}: ${SERVER_LIMIT[r.id]?.requests} (ours ${r.ours.total}): ${SERVER_LIMIT[r.id]?.why}.`,
  )
  .join("\n")}
- 3 tabs following a switch: ${TABS_LIMIT.requests}: ${TABS_LIMIT.why}.

${requests.rows
  .filter((r) => r.note)
  .map((r) => `${mark(r.id)} ${r.operation}: ${r.note}.`)
  .join("  \n")}`)
  if (tabs) {
    const cell = (p: TabPhase) => `${sum(p.requests)} (${p.requests.join(" + ")})`
    out.push(`### A switch seen by three tabs (Chromium)

Three real tabs of one browser context (shared cookies), a switch clicked in the first. Ours
tells the other tabs through a \`BroadcastChannel\`; better-auth broadcasts nothing for a switch,
so the baseline's other tabs keep showing the old account until the user comes back to them
(a \`visibilitychange\` and a \`focus\`, here 5 s later, past both sides' focus throttles).
Requests per tab come from Chromium's network events.

${table(
  ["", "ours", "baseline"],
  [
    [
      "requests after the switch (tab 1 + 2 + 3)",
      cell(tabs.ours.afterSwitch),
      cell(tabs.baseline.afterSwitch),
    ],
    [
      "tabs showing the new account",
      `${tabs.ours.afterSwitch.current}/3`,
      `${tabs.baseline.afterSwitch.current}/3`,
    ],
    [
      "requests when the user returns to tabs 2 and 3",
      cell(tabs.ours.afterReturn),
      cell(tabs.baseline.afterReturn),
    ],
    [
      "tabs showing the new account",
      `${tabs.ours.afterReturn.current}/3`,
      `${tabs.baseline.afterReturn.current}/3`,
    ],
    [
      "**requests until every tab shows it**",
      `**${untilCurrent(tabs.ours)}**`,
      `**${untilCurrent(tabs.baseline)}**`,
    ],
  ],
)}`)
  }
} else out.push(`## 2. Requests\n\n${missing("the Vitest run (requests.bench-run.tsx)")}`)

// 3. Renders
if (renders) {
  const line = (label: string, key: string) => [
    label,
    spread(renders.switch.ours[key]),
    spread(renders.switch.baseline[key]),
    spread(renders.revoke.ours[key]),
    spread(renders.revoke.baseline[key]),
  ]
  out.push(`## 3. Renders

React renders counted in each component's body (happy-dom, Testing Library, the real server),
from the click until the list, the session and the network are settled. Mean over
${renders.switches} switches and ${renders.revokes} removals of another account, with the range
when it varies.

${table(
  ["component", "per switch: ours", "baseline", "per removal: ours", "baseline"],
  [
    line("the switcher (list, Switch/Remove buttons with pending state)", "switcher"),
    line("a sibling using better-auth's `useSession()`", "who-am-i"),
    line("a memoized row whose account did not change", "untouched-row"),
    line(
      "a component using the list hook to show how many accounts (unchanged by a switch)",
      "account-count",
    ),
  ],
)}

The baseline's rows re-render although their account did not change: better-auth's client
parses dates into \`Date\` objects, which TanStack Query's structural sharing does not compare,
so every refetch hands out new entries. Core keeps unchanged entries identical. On the other hand,
a component that uses ours' hook renders on every change of the store's state (\`isRefetching\`,
\`switching\`, …) even when it only reads \`data\`; TanStack Query tracks which fields a component
reads.`)
  if (bindingRenders) {
    const { vue, svelte } = bindingRenders
    out.push(`### Vue and Svelte (ours)

The same switches and removals with \`@multisession/vue\` (renders counted in each component's
render function) and \`@multisession/svelte\` (calls of the store's subscriber: a Svelte component
updates once per call). The baseline apps are React only, so there is no baseline here
(\`renders-vue-svelte.bench-run.ts\`).

${table(
  ["component", "per switch", "per removal"],
  [
    ["Vue: the switcher", spread(vue.switch.switcher), spread(vue.revoke.switcher)],
    [
      "Vue: a row whose account did not change",
      spread(vue.switch["untouched-row"]),
      spread(vue.revoke["untouched-row"]),
    ],
    [
      "Vue: a component that reads only the list",
      spread(vue.switch["account-count"]),
      spread(vue.revoke["account-count"]),
    ],
    [
      "Svelte: a `deviceSessions(client)` subscriber",
      spread(svelte.switch.switcher),
      spread(svelte.revoke.switcher),
    ],
    [
      'Svelte: a `deviceSessions(client, { fields: ["data"] })` subscriber',
      spread(svelte.switch["account-count"]),
      spread(svelte.revoke["account-count"]),
    ],
  ],
)}`)
  } else out.push(`### Vue and Svelte (ours)\n\n${missing("renders-vue-svelte.bench-run.ts")}`)
} else out.push(`## 3. Renders\n\n${missing("the Vitest run (renders.bench-run.tsx)")}`)

// 4. Latency
if (latency) {
  const line = (label: string, s: Stats) => [label, ms(s.median), ms(s.p90), ms(s.min), ms(s.max)]
  out.push(`## 4. Switch latency

${latency.browser} (Playwright, \`/usr/bin/chromium\` with the e2e suite's launch options), both
pages bundled by esbuild (production React) and served with the auth server from one loopback
origin. Measured in the page with \`performance.now()\`: from \`button.click()\` to a
\`MutationObserver\` seeing the new account's name (and, second, the switcher settled: the
switch answered, the list and session refetched). ${latency.switches} switches per side after
${latency.warmup} warm-up ones, the sides taking turns in a rotating order. The **careful**
baseline is the baseline written with TanStack Query's optimistic-update recipes (the switch
shown at the click "via the UI", the removal "via the cache", each rolled back on error) and a
5 s \`staleTime\`: what a careful app writes (\`bench/apps/baseline.tsx\`, \`careful\`).

${table(
  ["", "median", "p90", "min", "max"],
  [
    line("ours: name on screen", latency.ours.shown),
    line("baseline: name on screen", latency.baseline.shown),
    ...(latency.careful ? [line("careful baseline: name on screen", latency.careful.shown)] : []),
    line("ours: settled", latency.ours.settled),
    line("baseline: settled", latency.baseline.settled),
    ...(latency.careful ? [line("careful baseline: settled", latency.careful.settled)] : []),
  ],
)}

Ratio of medians against the baseline, name on screen: **${ratio(latency.ours.shown.median, latency.baseline.shown.median)}**;
settled: **${ratio(latency.ours.settled.median, latency.baseline.settled.median)}** (goal ≤ 0.6).${
    latency.careful
      ? ` Against the careful baseline, name on screen (optimistic against optimistic): **${ratio(latency.ours.shown.median, latency.careful.shown.median)}**; settled: **${ratio(latency.ours.settled.median, latency.careful.settled.median)}**.`
      : ""
  } Ours shows the new account at once (core's optimistic switch) and rolls back if the server
refuses; the baseline shows it once set-active and the session refetch have both come back. Chromium rounds
\`performance.now()\` to 0.1 ms here.`)
} else out.push(`## 4. Switch latency\n\n${missing("bench/latency.ts")}`)

// 5. Memory
if (memory) {
  out.push(`## 5. Memory

${memory.cycles.toLocaleString("en")} cycles per binding in one Vitest worker under
\`node --expose-gc\` (happy-dom, signed in to one account): mount a component that shows the active
account, unmount it (core: subscribe, unsubscribe). The heap is read after a forced GC: before
the cycles (after 1,000 warm-up cycles and 3 s, once Vue's development build has dropped its
devtools buffer) and after them (once nanostores' 1 s unmount delay has passed).

${table(
  [
    "binding",
    "heap before",
    "heap after",
    "change",
    "store listeners after",
    "session listeners after",
    "time per cycle",
  ],
  memory.rows.map((m) => [
    m.binding,
    `${m.heapBeforeMB.toFixed(1)} MB`,
    `${m.heapAfterMB.toFixed(1)} MB`,
    `${m.heapAfterMB - m.heapBeforeMB >= 0 ? "+" : ""}${(m.heapAfterMB - m.heapBeforeMB).toFixed(2)} MB`,
    m.listeners,
    m.sessionListeners,
    `${((m.ms / m.cycles) * 1000).toFixed(0)} µs`,
  ]),
)}

Heap figures in a test worker move by about a megabyte either way between runs; a leak of one
listener or closure per cycle would show as a steady climb and a listener count above 0.`)
} else out.push(`## 5. Memory\n\n${missing("the Vitest run (memory.bench-run.tsx)")}`)

const FOLLOW_STEPS: [FollowStep, string][] = [
  ["this-tab", "a switch in this tab"],
  ["other-tab", "a switch in another tab"],
  [
    "revoke-active",
    "removing the active account (the server promotes another), then signing it in again",
  ],
  ["session-lost", "the session ended on the server, autoSwitch recovering, then signing in again"],
  ["slow-data", "a switch while a slow notes request of the previous account is on its way"],
]
if (follow) {
  const frameworks = Object.keys(follow)
  const cell = (fw: string, step: FollowStep) => {
    const { changes, requests } = follow[fw]?.perStep[step] ?? { changes: 0, requests: 0 }
    return `${requests} for ${changes}`
  }
  out.push(`## 6. Everything follows the switch

From the e2e suite (\`e2e/tests/follow-the-switch.spec.ts\`, Debian's Chromium, the example apps
with TanStack Query and the account boundary): 50 account changes per app, while a
\`MutationObserver\` in both tabs records every DOM state. No recorded state showed one account's
name beside another account's notes (the suite fails if one does).

| | ${frameworks.join(" | ")} |
| --- | ${frameworks.map(() => "---").join(" | ")} |
| account changes | ${frameworks.map((fw) => follow[fw]?.changes).join(" | ")} |
| DOM states recorded (this tab + the other tab) | ${frameworks.map((fw) => `${follow[fw]?.frames.page} + ${follow[fw]?.frames.other}`).join(" | ")} |
| notes requests per change that lands on an account (the extra ones below included) | ${frameworks.map((fw) => ((follow[fw]?.notesRequests ?? 0) / (follow[fw]?.arrivals || 1)).toFixed(2)).join(" | ")} |

Notes requests for the changes that land on an account, by kind of change (the goal: one per
resource shown). The slow kind adds the request asked before the switch, whose answer never
shows; the lost session adds the refetch TanStack Query makes when the user returns to the tab,
which the server refuses (the session ended) before autoSwitch moves on:

| kind | ${frameworks.join(" | ")} |
| --- | ${frameworks.map(() => "---").join(" | ")} |
${FOLLOW_STEPS.map(([step, label]) => `| ${label} | ${frameworks.map((fw) => cell(fw, step)).join(" | ")} |`).join("\n")}
`)
} else out.push(`## 6. Everything follows the switch\n\n${missing("the e2e suite (pnpm e2e)")}`)

out.push(`## Not measured

- Render counts for Vue and Svelte: the baseline the issue compares against is React-only
  (better-auth-ui and TanStack Query's React adapter).
- Time to paint: the latency run stops at the DOM change a \`MutationObserver\` sees.
- The three-tab switch in happy-dom: one realm has one focus manager for every client (better-auth's
  and TanStack Query's are singletons), so a user returning to one tab cannot be told apart from
  returning to all. It runs in Chromium, with real tabs, instead.

## Rerun

\`\`\`sh
npx -y pnpm@10.34.9 bench   # builds packages/*, measures their dist, writes BENCHMARKS.md
# or, with the packages already built:
npx -y pnpm@10.34.9 --filter @multisession/bench bench
\`\`\`

Parts: \`bench:bytes\`, \`bench:vitest\` (requests, renders, memory), \`bench:latency\` (Chromium),
\`bench:report\` (this file, from \`bench/.out/results\`). Debian's \`chromium\` must be installed;
no browser is downloaded.${
  run
    ? `\n\nThis run: ${run.steps.map((s) => `${s.name} ${Math.round(s.seconds)} s${s.ok ? "" : " (failed)"}`).join(", ")}; ${Math.round(run.seconds)} s in all.`
    : ""
}
`)

writeFileSync(join(import.meta.dirname, "..", "BENCHMARKS.md"), `${out.join("\n\n")}\n`)
const failed = checks.filter((c) => !c.ok)
console.log(
  `report: BENCHMARKS.md written; ${checks.length - failed.length}/${checks.length} count checks pass`,
)
for (const c of failed) console.error(`report: ❌ ${c.name}`)
if (failed.length) process.exit(1)
