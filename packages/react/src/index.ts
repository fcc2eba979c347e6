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
export { MultiSessionProvider, type MultiSessionProviderProps } from "./multi-session-provider"
export {
  type UseDeviceSessionsOptions,
  type UseDeviceSessionsResult,
  useDeviceSessions,
} from "./use-device-sessions"
