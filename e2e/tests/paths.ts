// Where things live, shared by the config, the global setup and the tests.
import { fileURLToPath } from "node:url"

/**
 * Debian's Chromium; Playwright drives it instead of downloading a browser.
 *
 * @example
 * launchOptions: { executablePath: CHROMIUM }
 */
export const CHROMIUM = "/usr/bin/chromium"

/**
 * The example apps under test, each served by the example server at `/<name>/`.
 *
 * @example
 * for (const framework of FRAMEWORKS) test.describe(framework, () => {})
 */
export const FRAMEWORKS = ["react", "vue", "svelte", "solid"] as const

export type Framework = (typeof FRAMEWORKS)[number]

/**
 * `examples/`, where each app's `dist` is.
 *
 * @example
 * existsSync(join(EXAMPLES_DIR, "react", "dist", "index.html"))
 */
export const EXAMPLES_DIR = fileURLToPath(new URL("../../examples/", import.meta.url))

/**
 * `e2e/artifacts/` (git-ignored): screenshots and request counts.
 *
 * @example
 * await page.screenshot({ path: join(ARTIFACTS_DIR, "react.png") })
 */
export const ARTIFACTS_DIR = fileURLToPath(new URL("../artifacts/", import.meta.url))

/**
 * The environment variable that hands the server's address from the setup to the tests.
 *
 * @example
 * const url = process.env[SERVER_URL_ENV]
 */
export const SERVER_URL_ENV = "MULTISESSION_E2E_URL"

/**
 * The environment variable that hands the example server's SQLite file to the tests, which
 * end a session behind the browser's back as another device would.
 *
 * @example
 * const file = process.env[DATABASE_FILE_ENV]
 */
export const DATABASE_FILE_ENV = "MULTISESSION_E2E_DATABASE"
