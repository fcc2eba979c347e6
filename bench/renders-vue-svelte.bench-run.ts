// Vue renders and Svelte store calls per switch and per revoke, ours only (the baseline apps
// are React), counted while the real server answers. A Vue component renders when a ref it
// read changes; a Svelte component updates each time its store subscriber is called.
import { getDeviceSessions, multiSessionClient } from "@multisession/core"
import { deviceSessions } from "@multisession/svelte"
import { type UseDeviceSessionsReturn, useDeviceSessions } from "@multisession/vue"
import { createAuthClient as createSvelteClient } from "better-auth/svelte"
import { createAuthClient as createVueClient } from "better-auth/vue"
import { afterAll, expect, test } from "vitest"
import { createApp, defineComponent, h, nextTick, type PropType } from "vue"
import { freshDevice, serverOrigin } from "./lib/device"
import { countRequests, type RequestCounter } from "./lib/requests"
import { writeResult } from "./lib/results"

const SWITCHES = ["Ada", "Bob", "Cy", "Ada", "Bob", "Cy"]
const REVOKES = 3

type Sample = Record<string, number>
const samples: Record<"vue" | "svelte", Record<"switch" | "revoke", Sample[]>> = {
  vue: { switch: [], revoke: [] },
  svelte: { switch: [], revoke: [] },
}

afterAll(() => {
  const summary = (list: Sample[]) =>
    Object.fromEntries(
      [...new Set(list.flatMap((sample) => Object.keys(sample)))].map((key) => {
        const values = list.map((sample) => sample[key] ?? 0)
        const mean = values.reduce((a, b) => a + b, 0) / values.length
        return [key, { mean, min: Math.min(...values), max: Math.max(...values) }]
      }),
    )
  writeResult("renders-vue-svelte", {
    switches: SWITCHES.length,
    revokes: REVOKES,
    vue: { switch: summary(samples.vue.switch), revoke: summary(samples.vue.revoke) },
    svelte: { switch: summary(samples.svelte.switch), revoke: summary(samples.svelte.revoke) },
  })
})

const options = (requests: RequestCounter) => ({
  baseURL: serverOrigin(),
  plugins: [multiSessionClient({ maximumSessions: 3 })],
  fetchOptions: { customFetchImpl: requests.fetch },
})
type Client = ReturnType<typeof createVueClient<ReturnType<typeof options>>>

// better-auth's session atom, the same in its Vue and Svelte clients.
const sessionName = (client: Client) =>
  (client.$store.atoms.session as { get(): { data: { user: { name: string } } | null } }).get().data
    ?.user.name

/** Resolves once the store shows `name` active with nothing in flight, and the network is quiet. */
async function settledOn(client: Client, name: string, requests: RequestCounter) {
  const { $deviceSessions } = getDeviceSessions(client)
  const done = () => {
    const s = $deviceSessions.get()
    return (
      s.active?.user.name === name &&
      !s.isPending &&
      !s.isRefetching &&
      !s.switching &&
      s.revoking.length === 0 &&
      sessionName(client) === name
    )
  }
  for (let waited = 0; !done(); waited += 10) {
    if (waited > 10_000) throw new Error(`waiting for ${name}: ${$deviceSessions.get().active}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  await requests.idle()
  await nextTick()
}

type Entry = NonNullable<UseDeviceSessionsReturn["data"]["value"]>[number]

/** Mounts a Vue switcher, a row per account and a count of accounts, each counting its renders. */
function mountVue(client: Client, renders: Map<string, number>) {
  const count = (name: string) => renders.set(name, (renders.get(name) ?? 0) + 1)
  const Row = defineComponent({
    props: { entry: { type: Object as PropType<Entry>, required: true } },
    setup: (props) => () => {
      count(`row:${props.entry.user.name}`)
      return h("li", [
        h("span", props.entry.user.name),
        h("button", {
          "aria-label": `Switch to ${props.entry.user.name}`,
          onClick: () => client.multiSession.setActive(props.entry),
        }),
        h("button", {
          "aria-label": `Remove ${props.entry.user.name}`,
          onClick: () => client.multiSession.revoke(props.entry),
        }),
      ])
    },
  })
  const Switcher = defineComponent(() => {
    const { data, active, switching, revoking } = useDeviceSessions(client)
    return () => {
      count("switcher")
      return h("section", { "data-switching": !!switching.value || revoking.value.length > 0 }, [
        h("strong", active.value?.user.name ?? "Not signed in"),
        h(
          "ul",
          (data.value ?? []).map((entry) => h(Row, { key: entry.user.id, entry })),
        ),
      ])
    }
  })
  const AccountCount = defineComponent(() => {
    const { data } = useDeviceSessions(client)
    return () => {
      count("account-count")
      return h("p", `${data.value?.length ?? 0} accounts`)
    }
  })
  const root = document.createElement("div")
  document.body.append(root)
  const app = createApp(() => [h(Switcher), h(AccountCount)])
  app.mount(root)
  return {
    click: (label: string) =>
      root.querySelector<HTMLButtonElement>(`[aria-label="${label}"]`)?.click(),
    unmount: () => {
      app.unmount()
      root.remove()
    },
  }
}

test("Vue renders per switch and per revoke", async () => {
  await freshDevice(["Ada", "Bob", "Cy"])
  const renders = new Map<string, number>()
  let requests = countRequests()
  let client = createVueClient(options(requests))
  let view = mountVue(client, renders)
  await settledOn(client, "Cy", requests)
  let from = "Cy"
  for (const to of SWITCHES) {
    const untouched = ["Ada", "Bob", "Cy"].find((name) => name !== from && name !== to) ?? ""
    renders.clear()
    view.click(`Switch to ${to}`)
    await settledOn(client, to, requests)
    samples.vue.switch.push({
      switcher: renders.get("switcher") ?? 0,
      "untouched-row": renders.get(`row:${untouched}`) ?? 0,
      "account-count": renders.get("account-count") ?? 0,
    })
    from = to
  }
  view.unmount()
  client.multiSession.dispose()
  for (let i = 0; i < REVOKES; i++) {
    await freshDevice(["Ada", "Bob", "Cy"])
    requests = countRequests()
    client = createVueClient(options(requests))
    view = mountVue(client, renders)
    await settledOn(client, "Cy", requests)
    renders.clear()
    view.click("Remove Bob")
    await settledOn(client, "Cy", requests)
    expect(getDeviceSessions(client).$deviceSessions.get().data).toHaveLength(2)
    samples.vue.revoke.push({
      switcher: renders.get("switcher") ?? 0,
      "untouched-row": Math.max(renders.get("row:Ada") ?? 0, renders.get("row:Cy") ?? 0),
      "account-count": renders.get("account-count") ?? 0,
    })
    view.unmount()
    client.multiSession.dispose()
  }
  expect(samples.vue.switch).toHaveLength(SWITCHES.length)
})

test("Svelte store calls per switch and per revoke", async () => {
  const calls = new Map<string, number>()
  const count = (name: string) => () => calls.set(name, (calls.get(name) ?? 0) + 1)
  const subscribe = (client: ReturnType<typeof createSvelteClient>) => [
    deviceSessions(client).subscribe(count("switcher")),
    // What a component that shows only the list reads.
    deviceSessions(client, { fields: ["data"] }).subscribe(count("account-count")),
  ]
  const entry = (client: Client, name: string) =>
    getDeviceSessions(client)
      .$deviceSessions.get()
      .data?.find((e) => e.user.name === name)

  await freshDevice(["Ada", "Bob", "Cy"])
  let requests = countRequests()
  let client = createSvelteClient(options(requests)) as unknown as Client
  let stops = subscribe(client as never)
  await settledOn(client, "Cy", requests)
  for (const to of SWITCHES) {
    calls.clear()
    await client.multiSession.setActive(entry(client, to) ?? { userId: to })
    await settledOn(client, to, requests)
    samples.svelte.switch.push({
      switcher: calls.get("switcher") ?? 0,
      "account-count": calls.get("account-count") ?? 0,
    })
  }
  for (const stop of stops) stop()
  client.multiSession.dispose()
  for (let i = 0; i < REVOKES; i++) {
    await freshDevice(["Ada", "Bob", "Cy"])
    requests = countRequests()
    client = createSvelteClient(options(requests)) as unknown as Client
    stops = subscribe(client as never)
    await settledOn(client, "Cy", requests)
    calls.clear()
    await client.multiSession.revoke(entry(client, "Bob") ?? { userId: "Bob" })
    await settledOn(client, "Cy", requests)
    samples.svelte.revoke.push({
      switcher: calls.get("switcher") ?? 0,
      "account-count": calls.get("account-count") ?? 0,
    })
    for (const stop of stops) stop()
    client.multiSession.dispose()
  }
  expect(samples.svelte.switch).toHaveLength(SWITCHES.length)
})
