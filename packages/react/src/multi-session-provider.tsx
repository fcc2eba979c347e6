import {
  type DeviceSessionsPayload,
  getDeviceSessions,
  type MultiSessionAuthClient,
} from "@multisession/core"
import { type ReactNode, useMemo } from "react"
import { MultiSessionContext, serverStateOf } from "./context"

/**
 * Props of `<MultiSessionProvider>`.
 *
 * @example
 * const props: MultiSessionProviderProps<typeof authClient> = { client: authClient }
 */
export interface MultiSessionProviderProps<C extends MultiSessionAuthClient> {
  /** An auth client made with `multiSessionClient()`, from `better-auth/react` or `better-auth/client`. */
  client: C
  /**
   * The device's list and session as a server loaded them, for server rendering: the server
   * renders from it, and the browser's store starts from it without a request.
   */
  payload?: DeviceSessionsPayload<
    C["$Infer"]["Session"]["session"],
    C["$Infer"]["Session"]["user"]
  > | null
  children?: ReactNode
}

/**
 * Hands an auth client to every `useDeviceSessions()` below it. It holds no state of its
 * own: the client's store is the one source, shared by every component.
 *
 * @example
 * createRoot(root).render(
 *   <MultiSessionProvider client={authClient}>
 *     <App />
 *   </MultiSessionProvider>,
 * )
 */
export function MultiSessionProvider<C extends MultiSessionAuthClient>({
  client,
  payload,
  children,
}: MultiSessionProviderProps<C>) {
  // Fails here, at the root, for a client made without multiSessionClient().
  const value = useMemo(
    () => ({
      client,
      sessions: getDeviceSessions(client),
      serverState: serverStateOf(client, payload),
    }),
    [client, payload],
  )
  return <MultiSessionContext.Provider value={value}>{children}</MultiSessionContext.Provider>
}
