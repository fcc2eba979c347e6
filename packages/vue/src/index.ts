export type {
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
export { type MultiSessionPluginOptions, multiSession, provideMultiSession } from "./provide"
export { type UseDeviceSessionsReturn, useDeviceSessions } from "./use-device-sessions"
