export type {
  DeviceSession,
  DeviceSessionsPayload,
  DeviceSessionsState,
  DeviceSessionTarget,
  InferDeviceSession,
  MultiSessionError,
  MutationResult,
} from "@multisession/core"
export { MultiSessionProvider, type MultiSessionProviderProps } from "./multi-session-provider"
export {
  type UseDeviceSessionsOptions,
  type UseDeviceSessionsResult,
  useDeviceSessions,
} from "./use-device-sessions"
