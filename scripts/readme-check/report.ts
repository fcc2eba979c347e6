// Maps compiler diagnostics back to README lines and prints them.
import { basename, relative, sep } from "node:path"
import type { Diagnostic } from "./compilers.ts"
import type { Block } from "./extract.ts"
import type { Scratch } from "./scratch.ts"

const TOOL = { ts: "tsc", vue: "vue-tsc", svelte: "svelte-check" } as const

/** Prints each failing block with its messages; returns how many blocks failed. */
export function report(
  repo: string,
  blocks: Block[],
  scratch: Scratch,
  diagnostics: Diagnostic[],
): number {
  const byId = new Map(blocks.map((block) => [block.id, block]))
  const failed = new Map<Block, string[]>()
  const unplaced: string[] = []

  const sorted = [...diagnostics].sort((a, b) => a.line - b.line || a.column - b.column)
  for (const d of sorted) {
    const inScratch = d.file ? relative(scratch.root, d.file) : ""
    const block = byId.get(inScratch.split(sep)[0] ?? "")
    if (!d.file || !block || inScratch.startsWith("..")) {
      unplaced.push(d.file ? `${relative(repo, d.file)}:${d.line}:${d.column} ${d.text}` : d.text)
      continue
    }
    const where =
      d.file === scratch.files.get(block)
        ? `${block.readme}:${block.fenceLine + d.line}:${d.column + block.indent}`
        : `${block.readme}:${block.fenceLine} (in fixture ./${basename(d.file)}:${d.line}:${d.column})`
    const messages = failed.get(block) ?? []
    messages.push(`${where} ${d.text}`)
    failed.set(block, messages)
  }

  for (const block of blocks) {
    const messages = failed.get(block)
    if (!messages) continue
    const file = relative(repo, scratch.files.get(block) ?? "")
    console.error(
      `\n✗ ${block.readme}:${block.fenceLine}: \`\`\`${block.ext} block (${TOOL[block.kind]}, ${file})`,
    )
    for (const message of messages) console.error(indent(message))
  }
  if (unplaced.length > 0) {
    console.error("\n✗ messages outside any block:")
    for (const message of unplaced) console.error(indent(message))
  }
  return failed.size + (unplaced.length > 0 ? 1 : 0)
}

export function summary(blocks: Block[]): string {
  const counts = new Map<string, number>()
  for (const block of blocks) counts.set(block.readme, (counts.get(block.readme) ?? 0) + 1)
  const parts = [...counts].map(([readme, n]) => `${readme} ${n}`)
  return `readme-check: ${blocks.length} blocks compile (${parts.join(", ")})`
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `  ${line}`)
    .join("\n")
}
