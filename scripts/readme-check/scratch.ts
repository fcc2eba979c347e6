// Writes every block as its own module, next to a copy of the fixtures, and the tsconfig each
// compiler runs on. The folder lives in bench/, whose package.json depends on everything a README
// imports (@multisession/*, better-auth, react, vue, svelte), so pnpm's node_modules resolve.
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs"
import { join, relative } from "node:path"
import type { Block, Kind } from "./extract.ts"

export const SCRATCH = "bench/.readme-blocks"

export interface Scratch {
  root: string
  /** Absolute path of each block's module file. */
  files: Map<Block, string>
}

export function writeScratch(repo: string, blocks: Block[]): Scratch {
  const root = join(repo, SCRATCH)
  const fixtures = join(import.meta.dirname, "fixtures")
  rmSync(root, { recursive: true, force: true })
  mkdirSync(root, { recursive: true })
  // Copied, not referenced: its `import("vue")` / `import("svelte")` must resolve from bench/.
  copyFileSync(join(import.meta.dirname, "shims.d.ts"), join(root, "shims.d.ts"))

  const files = new Map<Block, string>()
  for (const block of blocks) {
    const dir = join(root, block.id)
    mkdirSync(dir)
    for (const name of readdirSync(fixtures)) copyFileSync(join(fixtures, name), join(dir, name))
    const file = join(dir, `${block.id}.${block.ext}`)
    writeFileSync(file, block.code)
    files.set(block, file)
  }

  return { root, files }
}

/**
 * Writes `tsconfig.<kind>.json` in the scratch root for these module files and returns its path.
 * A ts project also gets the .vue/.svelte shim: tsc cannot read those files itself.
 */
export function writeProject(repo: string, root: string, kind: Kind, files: string[]): string {
  const include = files.map((file) => relative(root, file))
  // tsc needs the component shims; so does svelte-check, for a block importing `./App.svelte`
  // (it checks only the files it is given, and the fixture is not one of them).
  if (kind !== "vue") include.push("shims.d.ts")
  const project = join(root, `tsconfig.${kind}.json`)
  writeFileSync(project, `${JSON.stringify(tsconfig(repo, root, include), null, 2)}\n`)
  return project
}

export function removeScratch(scratch: Scratch): void {
  rmSync(scratch.root, { recursive: true, force: true })
}

function tsconfig(repo: string, root: string, include: string[]) {
  return {
    extends: relative(root, join(repo, "tsconfig.base.json")),
    compilerOptions: {
      jsx: "react-jsx",
      skipLibCheck: true,
      types: [],
      module: "ESNext",
      moduleResolution: "bundler",
      // Every block is a module of its own, imports or not (top-level await, no shared globals).
      moduleDetection: "force",
      noEmit: true,
    },
    include,
  }
}
