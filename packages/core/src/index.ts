export { type AccountState, accountKey, accountState, onAccountChange } from "./account"
export { type AutoSwitchChange, autoSwitch } from "./auto-switch"
export { multiSessionClient } from "./client-plugin"
export {
  MULTI_SESSION_CLIENT_ERROR_CODES,
  type MultiSessionAction,
  type MultiSessionClientErrorCode,
  type MultiSessionError,
} from "./errors"
export {
  type DeviceSessions,
  getDeviceSessions,
  type InferDeviceSession,
  type MultiSessionAuthClient,
} from "./get-device-sessions"
export { deviceSessionsSnapshot, hydrateDeviceSessions, initialDeviceSessions } from "./hydration"
export { type PerTabAccountsClientOptions, perTabAccountsClient } from "./per-tab"
export { rememberAccounts } from "./remember"
export { selectFields } from "./select-fields"
export type {
  AccountChange,
  AccountChangeCause,
  AutoSwitch,
  DeviceSession,
  DeviceSessionsOptions,
  DeviceSessionsPayload,
  DeviceSessionsState,
  DeviceSessionTarget,
  MultiSessionClientOptions,
  MultiSessionFetchOptions,
  MutationResult,
  RememberAccounts,
  RememberAccountsOptions,
  RememberedAccount,
} from "./types"
