import { defineConfig } from "@playwright/test"
import { CHROMIUM } from "./tests/paths"

// Debian's Chromium, never a downloaded browser: the machine has no route to Playwright's CDN.
export default defineConfig({
  testDir: "./tests",
  outputDir: "./test-results",
  globalSetup: "./global-setup.ts",
  // Two cores: one browser at a time keeps the runs steady.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  reporter: "list",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    browserName: "chromium",
    headless: true,
    viewport: { width: 1000, height: 800 },
    colorScheme: "light",
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-gpu",
        "--disable-quic",
        "--disable-sync",
      ],
    },
  },
})
