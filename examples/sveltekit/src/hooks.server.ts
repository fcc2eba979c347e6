// Every /api/auth/* request goes to better-auth; the rest to the app.
import type { Handle, ServerInit } from "@sveltejs/kit"
import { svelteKitHandler } from "better-auth/svelte-kit"
import { building } from "$app/environment"
import { getAuth } from "$lib/server/auth"

// The database is opened and migrated when the server starts, not on the first request.
export const init: ServerInit = async () => {
  await getAuth()
}

export const handle: Handle = async ({ event, resolve }) =>
  svelteKitHandler({ auth: await getAuth(), event, resolve, building })
