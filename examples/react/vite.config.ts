import react from "@vitejs/plugin-react"
import { defineConfig } from "vite"

// Served by examples/server under /react/, on the same origin as the auth API.
export default defineConfig({
  base: "/react/",
  plugins: [react()],
})
