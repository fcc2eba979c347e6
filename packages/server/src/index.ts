export { PER_TAB_HEADER, withAccount } from "./header"
export { type PerTabAccountsOptions, type PerTabAccountsPlugin, perTabAccounts } from "./plugin"
