export type {
  DeviceSession,
  DeviceSessionsState,
  DeviceSessionTarget,
  InferDeviceSession,
  MultiSessionAuthClient,
  MultiSessionError,
  MutationResult,
} from "@multisession/core"
export { type MultiSessionPluginOptions, multiSession, provideMultiSession } from "./provide"
export { type UseDeviceSessionsReturn, useDeviceSessions } from "./use-device-sessions"
