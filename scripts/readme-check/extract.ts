// Finds the fenced code blocks a README shows as TypeScript, TSX, Vue or Svelte.
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"

export type Kind = "ts" | "vue" | "svelte"

export interface Block {
  /** README path relative to the repository root, e.g. `packages/vue/README.md`. */
  readme: string
  /** Line (1-based) of the opening fence in the README. */
  fenceLine: number
  /** Spaces stripped from each line (blocks nested in list items are indented). */
  indent: number
  /** `README-3`, `packages-vue-README-1`: the README path and the block's index in it. */
  id: string
  /** File extension of the module the block becomes. */
  ext: "ts" | "tsx" | "vue" | "svelte"
  /** Which compiler checks it: tsc, vue-tsc or svelte-check. */
  kind: Kind
  code: string
}

const EXTENSIONS: Record<string, Block["ext"]> = {
  ts: "ts",
  typescript: "ts",
  tsx: "tsx",
  vue: "vue",
  svelte: "svelte",
}

/** `README.md` and `packages/<name>/README.md`, in a stable order. */
export function readmePaths(repo: string): string[] {
  const packages = readdirSync(join(repo, "packages"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `packages/${entry.name}/README.md`)
    .filter((path) => {
      try {
        readFileSync(join(repo, path))
        return true
      } catch {
        return false
      }
    })
    .sort()
  return ["README.md", ...packages]
}

export function extractBlocks(readme: string, markdown: string): Block[] {
  const lines = markdown.split(/\r?\n/)
  const base = readme.replace(/\.md$/i, "").replaceAll("/", "-")
  const blocks: Block[] = []
  let index = 0
  for (let i = 0; i < lines.length; i++) {
    const open = /^( *)(`{3,}|~{3,})\s*([^\s`]*)/.exec(lines[i] ?? "")
    if (!open) continue
    const indent = open[1]?.length ?? 0
    const fence = open[2] ?? "```"
    const info = (open[3] ?? "").toLowerCase()
    const close = new RegExp(`^ *${fence[0]}{${fence.length},}\\s*$`)
    let end = i + 1
    while (end < lines.length && !close.test(lines[end] ?? "")) end++
    const ext = EXTENSIONS[info]
    if (ext) {
      const body = lines.slice(i + 1, end).map((line) => stripIndent(line, indent))
      blocks.push({
        readme,
        fenceLine: i + 1,
        indent,
        id: `${base}-${++index}`,
        ext,
        kind: ext === "tsx" ? "ts" : ext,
        code: `${body.join("\n")}\n`,
      })
    }
    i = end
  }
  return blocks
}

function stripIndent(line: string, indent: number): string {
  let n = 0
  while (n < indent && line[n] === " ") n++
  return line.slice(n)
}
