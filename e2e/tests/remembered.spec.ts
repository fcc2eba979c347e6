// Remembered accounts in each example app, in Chromium: an account removed from this device
// stays under "Signed out", signs in again from there, and is forgotten in every tab at once
// (the browser's own storage event). Nothing in storage is a credential.
import type { Page } from "@playwright/test"
import { DEMO_PASSWORD } from "../../examples/server/src/demo-accounts"
import { FRAMEWORKS } from "./paths"
import {
  ada,
  alan,
  deviceEmails,
  expect,
  expectActive,
  grace,
  openApp,
  signInThree,
  test,
  ui,
} from "./switcher"

const signedOut = (page: Page) => page.getByRole("list", { name: "Signed-out accounts" })
const rememberedNames = (page: Page) =>
  signedOut(page).getByTestId("remembered").locator(".name").allTextContents()

for (const framework of FRAMEWORKS) {
  test.describe(framework, () => {
    test("keeps a removed account under Signed out and signs it in again from there", async ({
      page,
      serverURL,
    }) => {
      await signInThree(page, serverURL, framework)
      await expect(signedOut(page)).toHaveCount(0)
      await ui(page).entry(grace).getByRole("button", { name: "Remove Grace Hopper" }).click()
      await expectActive(page, alan, [ada, alan])
      await expect(signedOut(page).getByTestId("remembered")).toHaveCount(1)
      expect(await rememberedNames(page)).toEqual([grace.name])
      await expect(signedOut(page).getByText(grace.email)).toBeVisible()

      await page.getByRole("button", { name: "Sign in again as Grace Hopper" }).click()
      const form = page.getByRole("form", { name: "Add account" })
      await expect(form.getByLabel("Email")).toHaveValue(grace.email)
      await expect(form.getByLabel("Password")).toBeFocused()
      await page.keyboard.type(DEMO_PASSWORD)
      await page.keyboard.press("Enter")
      await expect(form).toBeHidden()
      await expectActive(page, grace, [ada, alan, grace])
      await expect(signedOut(page)).toHaveCount(0)
    })

    test("forgets a remembered account in every tab at once, and keeps it across a reload", async ({
      context,
      page,
      serverURL,
    }) => {
      await signInThree(page, serverURL, framework)
      await ui(page).entry(ada).getByRole("button", { name: "Remove Ada Lovelace" }).click()
      await ui(page).entry(grace).getByRole("button", { name: "Remove Grace Hopper" }).click()
      await expectActive(page, alan, [alan])
      await expect(signedOut(page).getByTestId("remembered")).toHaveCount(2)

      const other = await context.newPage()
      await openApp(other, serverURL, framework)
      await expect(signedOut(other).getByTestId("remembered")).toHaveCount(2)
      await page.reload()
      await expect(signedOut(page).getByTestId("remembered")).toHaveCount(2)

      await page.getByRole("button", { name: "Remove Ada Lovelace from this device" }).click()
      await expect(signedOut(page).getByTestId("remembered")).toHaveCount(1)
      // The other tab hears it from the browser's storage event, without a reload or focus.
      await expect(signedOut(other).getByTestId("remembered")).toHaveCount(1)
      expect(await rememberedNames(other)).toEqual([grace.name])
      await expectActive(other, alan, [alan])
      expect(await deviceEmails(page)).toEqual([alan.email])
    })

    test("stores display data only: no cookie value, token or session id", async ({
      context,
      page,
      serverURL,
    }) => {
      await signInThree(page, serverURL, framework)
      const secrets = await page.evaluate(async () => {
        const res = await fetch("/api/auth/multi-session/list-device-sessions")
        const entries = (await res.json()) as { session: { token: string; id: string } }[]
        return entries.flatMap(({ session }) => [session.token, session.id])
      })
      await ui(page).entry(grace).getByRole("button", { name: "Remove Grace Hopper" }).click()
      await expect(signedOut(page).getByTestId("remembered")).toHaveCount(1)
      const cookies = (await context.cookies()).map((cookie) => cookie.value)
      const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }))
      expect(secrets).toHaveLength(6)
      const parts = [...secrets, ...cookies].map((value) => decodeURIComponent(value).split(".")[0])
      for (const secret of parts.filter((part) => part && part.length >= 16)) {
        expect(stored).not.toContain(secret)
      }
      expect(stored).toContain(grace.email)
    })
  })
}
