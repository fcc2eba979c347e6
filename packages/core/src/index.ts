export { multiSessionClient } from "./client-plugin"
export {
  MULTI_SESSION_CLIENT_ERROR_CODES,
  type MultiSessionClientErrorCode,
  type MultiSessionError,
} from "./errors"
export {
  type DeviceSessions,
  getDeviceSessions,
  hydrateDeviceSessions,
  type InferDeviceSession,
  type MultiSessionAuthClient,
} from "./get-device-sessions"
export type {
  DeviceSession,
  DeviceSessionsPayload,
  DeviceSessionsState,
  DeviceSessionTarget,
  MultiSessionClientOptions,
  MutationResult,
} from "./types"
