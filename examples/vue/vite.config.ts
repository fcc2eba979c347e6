import vue from "@vitejs/plugin-vue"
import { defineConfig } from "vite"

// Served by examples/server under /vue/, on the same origin as the auth API.
export default defineConfig({
  base: "/vue/",
  plugins: [vue()],
})
