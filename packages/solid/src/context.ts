import {
  type DeviceSessionsPayload,
  getDeviceSessions,
  type MultiSessionAuthClient,
} from "@multisession/core"
import { createComponent, createContext, type JSX, useContext } from "solid-js"

interface Provided {
  client: MultiSessionAuthClient
  payload?: DeviceSessionsPayload<unknown, unknown> | null
}

const MultiSessionContext = createContext<Provided>()

/** The client a primitive works with: its argument, or the provider's (and its payload). */
export function clientOf(client: MultiSessionAuthClient | null | undefined, primitive: string) {
  const provided = useContext(MultiSessionContext)
  const found = client ?? provided?.client
  if (!found) {
    throw new Error(
      `${primitive}() needs a <MultiSessionProvider client={authClient}> above it, or the client as argument`,
    )
  }
  return { found, payload: found === provided?.client ? provided.payload : null }
}

/** Props of `<MultiSessionProvider>`. */
export interface MultiSessionProviderProps<C extends MultiSessionAuthClient> {
  /** An auth client made with `multiSessionClient()`, from `better-auth/solid` or `better-auth/client`. */
  client: C
  /**
   * The device's list and session as a server loaded them: the server renders from it, and
   * the browser's store starts from it without a request.
   */
  payload?: DeviceSessionsPayload<
    C["$Infer"]["Session"]["session"],
    C["$Infer"]["Session"]["user"]
  > | null
  children?: JSX.Element
}

/**
 * Hands an auth client to every `useDeviceSessions()` below it. It holds no state: the
 * client's store is the one source.
 *
 * @example
 * render(() => <MultiSessionProvider client={authClient}><App /></MultiSessionProvider>, root)
 */
export function MultiSessionProvider<C extends MultiSessionAuthClient>(
  props: MultiSessionProviderProps<C>,
): JSX.Element {
  // Fails here, at the root, for a client made without multiSessionClient().
  getDeviceSessions(props.client)
  return createComponent(MultiSessionContext.Provider, {
    get value() {
      return { client: props.client, payload: props.payload }
    },
    get children() {
      return props.children
    },
  })
}
