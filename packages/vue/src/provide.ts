import {
  type DeviceSessionsPayload,
  getDeviceSessions,
  type MultiSessionAuthClient,
} from "@multisession/core"
import { type App, type InjectionKey, type Plugin, provide } from "vue"

export interface Provided {
  client: MultiSessionAuthClient
  payload?: DeviceSessionsPayload<unknown, unknown> | null
}

export const clientKey: InjectionKey<Provided> = Symbol("multisession.client")

/** What `app.use(multiSession, options)` takes. */
export interface MultiSessionPluginOptions {
  /** An auth client created with `multiSessionClient()` among its plugins. */
  client: MultiSessionAuthClient
  /**
   * The device's list and session as the server loaded them (`{ list, session }`): the server
   * renders them, and the browser starts from them without a request.
   */
  payload?: DeviceSessionsPayload<unknown, unknown> | null
}

// Fails now, with core's explanation, rather than in the first component.
const checked = (client: MultiSessionAuthClient) => getDeviceSessions(client) && client

/**
 * Vue plugin that hands an auth client to every `useDeviceSessions()` in the app.
 *
 * @example
 * import { multiSession } from "@multisession/vue"
 * createApp(App).use(multiSession, { client: authClient }).mount("#app")
 */
export const multiSession = {
  install(app: App, options: MultiSessionPluginOptions) {
    app.provide(clientKey, { client: checked(options?.client), payload: options.payload })
  },
} satisfies Plugin<[MultiSessionPluginOptions]>

/**
 * Hands an auth client to `useDeviceSessions()` in this component's descendants
 * (for one part of an app, or a test). Call it in `setup`.
 *
 * @example
 * <script setup lang="ts">
 * provideMultiSession(authClient)
 * </script>
 */
export function provideMultiSession(
  client: MultiSessionAuthClient,
  payload?: DeviceSessionsPayload<unknown, unknown> | null,
): void {
  provide(clientKey, { client: checked(client), payload })
}
