import { svelte } from "@sveltejs/vite-plugin-svelte"
import { defineConfig } from "vite"

// Served by examples/server under /svelte/, on the same origin as the auth API.
export default defineConfig({
  base: "/svelte/",
  plugins: [svelte()],
})
