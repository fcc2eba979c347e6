// The byte budgets the test command holds (size-limit holds the bindings' and each entry's).
// Core's budget is what it adds to an app that used better-auth's built-in plugin, so it
// is measured as a difference, which size-limit cannot do.
import { CORE_BUDGET, coreAdds, REMEMBER_BUDGET } from "./lib/bundle"

const { core, autoSwitch, hydration, account, remember } = await coreAdds()
console.log(
  `@multisession/core adds ${core} B (min+gzip) to a better-auth/client app; budget ${CORE_BUDGET} B.` +
    `\n  opt-in: autoSwitch() +${autoSwitch} B, server-rendering helpers +${hydration} B, ` +
    `account changes (onAccountChange, accountState, accountKey) +${account} B, ` +
    `rememberAccounts() +${remember} B (budget ${REMEMBER_BUDGET} B)`,
)
if (remember > REMEMBER_BUDGET) {
  console.error(`rememberAccounts() over budget by ${remember - REMEMBER_BUDGET} B`)
  process.exit(1)
}
if (core > CORE_BUDGET) {
  console.error(`over budget by ${core - CORE_BUDGET} B`)
  process.exit(1)
}
