// Heap and listeners after 10,000 mount/unmount cycles per binding (and 10,000
// subscribe/unsubscribe of core's store), under --expose-gc (see vitest.config.ts).
import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { getDeviceSessions, multiSessionClient } from "@multisession/core"
import { MultiSessionProvider, useDeviceSessions as useReactSessions } from "@multisession/react"
import { deviceSessions } from "@multisession/svelte"
import { useDeviceSessions as useVueSessions } from "@multisession/vue"
import { createAuthClient as createVanillaClient } from "better-auth/client"
import { createAuthClient as createReactClient } from "better-auth/react"
import { createAuthClient as createSvelteClient } from "better-auth/svelte"
import { createAuthClient as createVueClient } from "better-auth/vue"
import { flushSync } from "react-dom"
import { createRoot } from "react-dom/client"
import { mount, unmount } from "svelte"
import { compile } from "svelte/compiler"
import { afterAll, expect, test } from "vitest"
import { createApp, defineComponent, h } from "vue"
import { freshDevice, serverOrigin, sleep } from "./lib/device"
import { OUT_DIR, writeResult } from "./lib/results"

const CYCLES = Number(process.env.BENCH_CYCLES ?? 10_000)
const WARMUP = 1_000
// nanostores keeps a store mounted this long after its last listener leaves.
const UNMOUNT_DELAY_MS = 1_100
// Vue's development build buffers devtools events for 3 s after the first app mounts.
const SETTLE_AFTER_WARMUP_MS = 3_100

interface Row {
  binding: string
  cycles: number
  heapBeforeMB: number
  heapAfterMB: number
  /** The device-session store's listeners afterwards; must be 0. */
  listeners: number
  /** better-auth's session atom's listeners afterwards. */
  sessionListeners: number
  ms: number
}
const rows: Row[] = []
afterAll(() => writeResult("memory", { cycles: CYCLES, rows }))

type Client = Parameters<typeof getDeviceSessions>[0]

function heapMB(): number {
  const gc = (globalThis as { gc?: () => void }).gc
  if (!gc) throw new Error("run under node --expose-gc (vitest.config.ts sets execArgv)")
  for (let i = 0; i < 3; i++) gc()
  return process.memoryUsage().heapUsed / 1024 / 1024
}

/**
 * Runs `mount` (which returns its unmount) WARMUP times, then CYCLES times between two heap
 * readings.
 */
async function measure(binding: string, client: Client, mount: () => () => void) {
  await freshDevice(["Ada"])
  const { $deviceSessions } = getDeviceSessions(client)
  for (let i = 0; i < WARMUP; i++) mount()()
  await sleep(SETTLE_AFTER_WARMUP_MS)
  const before = heapMB()
  const start = performance.now()
  for (let i = 0; i < CYCLES; i++) {
    const unmount = mount()
    // Let the event loop breathe while mounted, so the store's requests are answered
    // meanwhile and nanostores' delayed unmount never lands mid-loop.
    if (i % 250 === 249) await new Promise((resolve) => setImmediate(resolve))
    unmount()
  }
  const ms = performance.now() - start
  await sleep(UNMOUNT_DELAY_MS)
  const after = heapMB()
  const session = client.$store.atoms.session as { lc: number }
  const row: Row = {
    binding,
    cycles: CYCLES,
    heapBeforeMB: before,
    heapAfterMB: after,
    listeners: $deviceSessions.lc,
    sessionListeners: session.lc,
    ms,
  }
  rows.push(row)
  return row
}

const clientOptions = () => ({
  baseURL: serverOrigin(),
  plugins: [multiSessionClient({ maximumSessions: 3 })],
})

test("core store: subscribe and unsubscribe", async () => {
  const client = createVanillaClient(clientOptions())
  const row = await measure("core store (subscribe/unsubscribe)", client, () =>
    client.useDeviceSessions.subscribe(() => {}),
  )
  expect(row.listeners).toBe(0)
})

function ReactActive() {
  const { active } = useReactSessions()
  return <p>{active?.user.name ?? "Not signed in"}</p>
}

test("react: mount and unmount", async () => {
  const client = createReactClient(clientOptions())
  const container = document.createElement("div")
  document.body.append(container)
  const row = await measure("@multisession/react", client, () => {
    const root = createRoot(container)
    flushSync(() =>
      root.render(
        <MultiSessionProvider client={client}>
          <ReactActive />
        </MultiSessionProvider>,
      ),
    )
    return () => root.unmount()
  })
  container.remove()
  expect(row.listeners).toBe(0)
})

test("vue: mount and unmount", async () => {
  const client = createVueClient(clientOptions())
  const Active = defineComponent({
    setup() {
      // biome-ignore lint/correctness/useHookAtTopLevel: a Vue composable, called in setup()
      const { active } = useVueSessions(client)
      return () => h("p", active.value?.user.name ?? "Not signed in")
    },
  })
  const container = document.createElement("div")
  document.body.append(container)
  const row = await measure("@multisession/vue", client, () => {
    const app = createApp(Active)
    app.mount(container)
    return () => app.unmount()
  })
  container.remove()
  expect(row.listeners).toBe(0)
})

test("svelte: mount and unmount", async () => {
  const client = createSvelteClient(clientOptions())
  // A real Svelte 5 component, compiled here: the bench has no Svelte build step.
  const source = `<script>
  import { deviceSessions } from "@multisession/svelte"
  let { client } = $props()
  const accounts = deviceSessions(client)
</script>
<p>{$accounts.active?.user.name ?? "Not signed in"}</p>
`
  const { js } = compile(source, { generate: "client", filename: "Active.svelte" })
  const dir = join(OUT_DIR, "svelte")
  mkdirSync(dir, { recursive: true })
  const file = join(dir, "Active.js")
  writeFileSync(file, js.code)
  const { default: Active } = await import(/* @vite-ignore */ file)
  // The compiled component imports the same binding as this file.
  expect(typeof deviceSessions).toBe("function")
  const container = document.createElement("div")
  document.body.append(container)
  const row = await measure("@multisession/svelte", client, () => {
    const component = mount(Active, { target: container, props: { client } })
    return () => unmount(component)
  })
  container.remove()
  expect(row.listeners).toBe(0)
})
