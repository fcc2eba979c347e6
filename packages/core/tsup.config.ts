import { defineConfig } from "tsup"

// Members of core's internal objects (the store, the refresher, the lifecycle, the list
// request), never part of the public API: esbuild renames them to one letter in the published
// file. A public member must never take one of these names. The controller's members stay as
// they are: another installed copy of core may reach this one's through `Symbol.for`.
const INTERNAL_MEMBERS =
  /^(\$view|model|dispatch|settled|start|cancel|revalidate|listKnown|resignal|quiet|shown|hydrate)$/

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
