export type {
  AccountChange,
  AccountChangeCause,
  DeviceSession,
  DeviceSessionsOptions,
  DeviceSessionsPayload,
  DeviceSessionsState,
  DeviceSessionTarget,
  InferDeviceSession,
  MultiSessionAuthClient,
  MultiSessionError,
  MultiSessionFetchOptions,
  MutationResult,
} from "@multisession/core"
export { onAccountChange } from "@multisession/core"
export { AccountBoundary, useAccountKey } from "./account-boundary"
export { type MultiSessionPluginOptions, multiSession, provideMultiSession } from "./provide"
export { type UseDeviceSessionsReturn, useDeviceSessions } from "./use-device-sessions"
