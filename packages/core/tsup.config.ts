import { defineConfig } from "tsup"

// Members of core's internal objects (the store, the refresher, the list request, the
// controller's hooks for the opt-in helpers), never part of the public API: esbuild renames
// them to one letter in the published file. A public member must never take one of these names.
const INTERNAL_MEMBERS =
  /^(\$view|model|dispatch|settled|start|cancel|revalidate|listKnown|resignal|quiet|shown|hydrate|connect|stateOf|accept)$/

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  dts: true,
  clean: true,
  target: "es2022",
  platform: "browser",
  esbuildOptions(options) {
    options.mangleProps = INTERNAL_MEMBERS
  },
})
