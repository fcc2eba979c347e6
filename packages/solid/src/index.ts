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
export { AccountBoundary, type AccountBoundaryProps, useAccountKey } from "./account-boundary"
export { MultiSessionProvider, type MultiSessionProviderProps } from "./context"
export { type UseDeviceSessionsResult, useDeviceSessions } from "./use-device-sessions"
