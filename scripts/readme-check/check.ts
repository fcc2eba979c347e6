// Type-checks every ts/tsx/vue/svelte block of README.md and packages/*/README.md, as written.
// Usage (from the repository root): npx tsx scripts/readme-check/check.ts   — see README.md here.
import { existsSync, readFileSync } from "node:fs"
import { join, resolve } from "node:path"
import { check } from "./compilers.ts"
import { extractBlocks, readmePaths } from "./extract.ts"
import { report, summary } from "./report.ts"
import { removeScratch, SCRATCH, writeScratch } from "./scratch.ts"

const repo = resolve(import.meta.dirname, "../..")

const unbuilt = ["core", "react", "vue", "svelte", "solid", "server"].filter(
  (name) => !existsSync(join(repo, "packages", name, "dist", "index.d.ts")),
)
if (unbuilt.length > 0) {
  console.error(
    `readme-check: packages/{${unbuilt.join(",")}}/dist missing; build first: pnpm --filter "./packages/*" build`,
  )
  process.exit(1)
}

const blocks = readmePaths(repo).flatMap((readme) =>
  extractBlocks(readme, readFileSync(join(repo, readme), "utf8")),
)
const scratch = writeScratch(repo, blocks)
const kinds = [...new Set(blocks.map((block) => block.kind))]
const diagnostics = await Promise.all(
  kinds.map((kind) => {
    const files = blocks
      .filter((block) => block.kind === kind)
      .map((block) => scratch.files.get(block) ?? "")
    return check(repo, scratch.root, kind, files)
  }),
)
const failures = report(repo, blocks, scratch, diagnostics.flat())

if (failures > 0) {
  console.error(
    `\nreadme-check: ${failures} of ${blocks.length} blocks fail (modules kept in ${SCRATCH}/)`,
  )
  process.exit(1)
}
removeScratch(scratch)
console.log(summary(blocks))
