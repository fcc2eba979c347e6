import { BUILT_IN, clientWith, measure } from "../lib/bundle"

const src = process.argv[2] ?? "/work/main/packages/core/src/index.ts"
const builtIn = await measure({ code: clientWith(BUILT_IN) })
const ours = await measure({ code: clientWith(`import { multiSessionClient } from "${src}"`) })
console.log(`adds ${ours.gzip - builtIn.gzip} B gzip, ${ours.min - builtIn.min} B min`)
