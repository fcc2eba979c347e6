// The account switcher of examples/vue, rendered on the server by Nuxt 4 (Nitro's node-server).
// Nothing here reaches the network at build: no devtools, no telemetry, no font or icon module.
import { fileURLToPath } from "node:url"

export default defineNuxtConfig({
  compatibilityDate: "2026-01-01",
  devtools: { enabled: false },
  telemetry: false,
  // The root build runs this once per CI run: no server source maps, and less to say.
  sourcemap: false,
  logLevel: process.env.CI ? "silent" : "info",
  // The examples' one stylesheet, in the first HTML: the page looks the same without scripts.
  css: [fileURLToPath(new URL("../shared/switcher.css", import.meta.url))],
  app: {
    head: {
      title: "multisession · Nuxt",
      htmlAttrs: { lang: "en" },
      link: [{ rel: "icon", href: "data:," }],
    },
  },
})
