// Serves the built example apps and the shared stylesheet from disk.
import { readFile, stat } from "node:fs/promises"
import type { IncomingMessage, ServerResponse } from "node:http"
import { extname, join, resolve, sep } from "node:path"
import { fileURLToPath } from "node:url"
import { escapeHtml, sendPage } from "./pages"

/** The `examples` folder: each app's `dist` and the `shared` stylesheet live under it. */
export const EXAMPLES_DIR = fileURLToPath(new URL("../../", import.meta.url))

/**
 * The example apps, each served under `/<id>/` from `examples/<id>/dist`.
 *
 * @example
 * for (const app of APPS) console.log(`/${app.id}/ → ${app.dist}`)
 */
export const APPS = [
  { id: "react", label: "React" },
  { id: "vue", label: "Vue" },
  { id: "svelte", label: "Svelte" },
  { id: "solid", label: "Solid" },
].map((app) => ({ ...app, dist: join(EXAMPLES_DIR, app.id, "dist") }))

export type App = (typeof APPS)[number]

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
}

/**
 * Sends one file with its content type; `false` when there is no such file.
 *
 * @example
 * if (!(await sendFile(req, res, "/srv/index.html"))) res.writeHead(404).end()
 */
export async function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  cacheControl = "no-cache",
): Promise<boolean> {
  const info = await stat(file).catch(() => null)
  if (!info?.isFile()) return false
  const body = await readFile(file)
  res.writeHead(200, {
    "content-type": CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
    "content-length": body.length,
    "cache-control": cacheControl,
    "x-content-type-options": "nosniff",
  })
  res.end(req.method === "HEAD" ? undefined : body)
  return true
}

/**
 * Serves `/<app>/…` from the app's `dist`. A path without a file extension that matches no
 * file gets the app's `index.html`, so client-side routes survive a reload; a missing asset
 * gets a 404 instead of HTML. A missing build gets a 503 page that says how to build it.
 *
 * @example
 * if (pathname.startsWith("/react/")) return serveApp(req, res, APPS[0], pathname)
 */
export async function serveApp(
  req: IncomingMessage,
  res: ServerResponse,
  app: App,
  pathname: string,
): Promise<void> {
  const index = join(app.dist, "index.html")
  let relative: string
  try {
    relative = decodeURIComponent(pathname.slice(app.id.length + 2))
  } catch {
    return sendPage(res, 400, "Bad request", "<p>That address is not valid.</p>")
  }
  const file = resolve(app.dist, `.${sep}${relative}`)
  // Never step outside dist, whatever `..` the path holds.
  if (file !== app.dist && !file.startsWith(app.dist + sep)) {
    return sendPage(res, 404, "Not found", "<p>No such file.</p>")
  }
  if (relative !== "") {
    // Vite puts content hashes in the names under assets/, so they never change.
    const immutable = relative.startsWith("assets/")
    const cache = immutable ? "public, max-age=31536000, immutable" : "no-cache"
    if (await sendFile(req, res, file, cache)) return
  }
  if (extname(relative) !== "" && relative !== "index.html") {
    return sendPage(res, 404, "Not found", `<p>No file <code>${escapeHtml(relative)}</code>.</p>`)
  }
  if (await sendFile(req, res, index)) return
  return sendPage(
    res,
    503,
    `The ${app.label} example is not built`,
    `<p class="error">There is no <code>examples/${app.id}/dist</code> yet.</p>
     <p>Run <code>pnpm build</code> in <code>examples/${app.id}</code>, or run
     <code>pnpm start</code> from the repository root, which builds the packages and all three
     apps and then starts this server. Then reload this page.</p>
     <p><a href="/">Back to the examples</a></p>`,
  )
}
