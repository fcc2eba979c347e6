// Brings every package's declarations into the tsc run, which checks them with
// `skipLibCheck: false` (vue-tsc and svelte-check check the components, with it on).
import type * as core from "@multisession/core"
import type * as react from "@multisession/react"
import type * as solid from "@multisession/solid"
import type * as svelte from "@multisession/svelte"
import type * as vue from "@multisession/vue"

export type { core, react, solid, svelte, vue }
