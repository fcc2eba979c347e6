// The server's own HTML: the landing page and the error pages, styled by switcher.css.
import type { ServerResponse } from "node:http"
import { MAXIMUM_SESSIONS } from "./auth"
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts"

/**
 * Escapes text for HTML.
 *
 * @example
 * escapeHtml("<b>") // "&#60;b&#62;"
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}

/**
 * Wraps a body in a full page that loads the shared stylesheet.
 *
 * @example
 * res.end(htmlPage("Hello", "<p>Hi</p>"))
 */
export function htmlPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · multisession</title>
<link rel="stylesheet" href="/shared/switcher.css">
</head>
<body>
<main class="app">
${body}
</main>
</body>
</html>
`
}

/**
 * Sends a small HTML page in the examples' style.
 *
 * @example
 * sendPage(res, 404, "Not found", "<p>Nothing here.</p>")
 */
export function sendPage(res: ServerResponse, status: number, title: string, body: string): void {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-cache" })
  res.end(htmlPage(title, `<section class="card"><h1>${escapeHtml(title)}</h1>${body}</section>`))
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .slice(0, 2)
    .map((word) => word.charAt(0).toUpperCase())
    .join("")
}

/**
 * The page at `/`: links to the three apps and the demo accounts to sign in with.
 *
 * @example
 * res.end(landingPage({ apps: [{ id: "react", label: "React", built: true }], seed: true }))
 */
export function landingPage(options: {
  apps: { id: string; label: string; built: boolean }[]
  seed: boolean
}): string {
  const apps = options.apps
    .map(
      (app) => `<li class="account">
  <span class="avatar" aria-hidden="true">${escapeHtml(app.label.charAt(0))}</span>
  <span class="who"><a class="name" href="/${app.id}/">${escapeHtml(app.label)} example</a>
  <span class="email">/${app.id}/</span></span>
  ${app.built ? "" : `<span class="badge">Not built</span>`}
</li>`,
    )
    .join("\n")
  const accounts = DEMO_ACCOUNTS.map(
    (account) => `<li class="account">
  <span class="avatar" aria-hidden="true">${initials(account.name)}</span>
  <span class="who"><span class="name">${escapeHtml(account.name)}</span>
  <span class="email">${escapeHtml(account.email)}</span></span>
</li>`,
  ).join("\n")
  const demo = options.seed
    ? `<ul class="accounts" aria-label="Demo accounts">\n${accounts}\n</ul>
<p class="note">Every demo account has the password <code>${DEMO_PASSWORD}</code>.</p>`
    : `<p class="empty">Demo accounts are turned off. Create accounts in any app.</p>`
  const perTab = options.apps.some((app) => app.id === "react" && app.built)
    ? `<p class="note"><a href="/react/per-tab.html">An account in each tab</a> (React): the same
switcher, where each tab keeps its own account.</p>`
    : ""
  const unbuilt = options.apps.some((app) => !app.built)
    ? `<p class="note">Some apps are not built: run <code>pnpm start</code> from the repository root.</p>`
    : ""
  return htmlPage(
    "Examples",
    `<h1>multisession</h1>
<p>One device, several signed-in accounts. The same account switcher, three times.</p>
<section class="card">
<h2>Example apps</h2>
<ul class="accounts" aria-label="Example apps">
${apps}
</ul>
${perTab}
${unbuilt}
</section>
<section class="card">
<h2>Demo accounts</h2>
${demo}
<p class="note">A device keeps at most ${MAXIMUM_SESSIONS} accounts. All apps share one origin, so they
share the same signed-in accounts.</p>
</section>`,
  )
}
