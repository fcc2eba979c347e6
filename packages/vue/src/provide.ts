import { getDeviceSessions, type MultiSessionAuthClient } from "@multisession/core"
import { type App, type InjectionKey, type Plugin, provide } from "vue"

export const clientKey: InjectionKey<MultiSessionAuthClient> = Symbol("multisession.client")

/** What `app.use(multiSession, options)` takes. */
export interface MultiSessionPluginOptions {
  /** An auth client created with `multiSessionClient()` among its plugins. */
  client: MultiSessionAuthClient
}

function checked(client: MultiSessionAuthClient | undefined, usage: string) {
  if (!client) throw new TypeError(`multisession: pass the auth client, as in ${usage}.`)
  // Fails now, with core's explanation, rather than in the first component.
  getDeviceSessions(client)
  return client
}

/**
 * Vue plugin that hands an auth client to every `useDeviceSessions()` in the app.
 *
 * @example
 * import { multiSession } from "@multisession/vue"
 * createApp(App).use(multiSession, { client: authClient }).mount("#app")
 */
export const multiSession = {
  install(app: App, options: MultiSessionPluginOptions) {
    app.provide(
      clientKey,
      checked(options?.client, "app.use(multiSession, { client: authClient })"),
    )
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
export function provideMultiSession(client: MultiSessionAuthClient): void {
  provide(clientKey, checked(client, "provideMultiSession(authClient)"))
}
