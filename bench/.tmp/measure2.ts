import { gzipSync } from "node:zlib"
import { build } from "esbuild"
import { BUILT_IN, clientWith, measure } from "../lib/bundle"

const re = new RegExp(process.argv[2] ?? "^$")
const pre = await build({
  entryPoints: ["/work/main/packages/core/src/index.ts"],
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  write: false,
  external: ["better-auth", "nanostores"],
  mangleProps: re,
  outfile: "/tmp/pre.js",
})
const { writeFileSync } = await import("node:fs")
writeFileSync("/work/main/packages/core/pre.tmp.js", pre.outputFiles[0].text)
const builtIn = await measure({ code: clientWith(BUILT_IN) })
const ours = await measure({
  code: clientWith(`import { multiSessionClient } from "/work/main/packages/core/pre.tmp.js"`),
})
console.log(`adds ${ours.gzip - builtIn.gzip} B gzip, ${ours.min - builtIn.min} B min`)
