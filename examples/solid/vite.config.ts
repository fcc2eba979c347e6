import { defineConfig } from "vite"
import solid from "vite-plugin-solid"

// Served by examples/server under /solid/, on the same origin as the auth API.
export default defineConfig({
  base: "/solid/",
  plugins: [solid()],
})
