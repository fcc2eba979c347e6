import react from "@vitejs/plugin-react"
import { defineConfig } from "vite"

// Served by examples/server under /react/, on the same origin as the auth API; per-tab.html is
// the same switcher with an account in each tab.
export default defineConfig({
  base: "/react/",
  plugins: [react()],
  build: { rollupOptions: { input: ["index.html", "per-tab.html"] } },
})
