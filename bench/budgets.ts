// The byte budgets the test command holds (size-limit holds the bindings' and each entry's).
// Core's budget is what it adds to an app that used better-auth's built-in plugin, so it
// is measured as a difference, which size-limit cannot do.
import { CORE_BUDGET, coreAdds, PER_TAB_BUDGET, REMEMBER_BUDGET } from "./lib/bundle"

const { core, autoSwitch, hydration, account, remember, perTab } = await coreAdds()
console.log(
  `@multisession/core adds ${core} B (min+gzip) to a better-auth/client app; budget ${CORE_BUDGET} B.` +
    `\n  opt-in: autoSwitch() +${autoSwitch} B, server-rendering helpers +${hydration} B, ` +
    `account changes (onAccountChange, accountState, accountKey) +${account} B, ` +
    `rememberAccounts() +${remember} B (budget ${REMEMBER_BUDGET} B), ` +
    `perTabAccountsClient() +${perTab} B (budget ${PER_TAB_BUDGET} B)`,
)
const over = [
  ["rememberAccounts()", remember, REMEMBER_BUDGET],
  ["perTabAccountsClient()", perTab, PER_TAB_BUDGET],
  ["@multisession/core", core, CORE_BUDGET],
] as const
for (const [name, bytes, budget] of over) {
  if (bytes > budget) console.error(`${name} over budget by ${bytes - budget} B`)
}
if (over.some(([, bytes, budget]) => bytes > budget)) process.exit(1)
