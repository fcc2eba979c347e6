// The three example apps, end to end in Chromium against the real example server.
// Every test gets a fresh browser context from Playwright, so no cookie outlives a test.
import { join } from "node:path"
import { ARTIFACTS_DIR, FRAMEWORKS } from "./paths"
import {
  ada,
  alan,
  countAuthRequests,
  deviceEmails,
  expect,
  expectActive,
  grace,
  openApp,
  recordRequests,
  sessionEmail,
  signIn,
  signInThree,
  signOutAll,
  test,
  ui,
} from "./switcher"

// Exactly what the bench measures: a switch changes who is active, never the list, and a
// removal's new list is the one known without it; so a switch, and a removal of the active
// account, are the call plus the session; removing another account is the call alone.
const SWITCH = ["get-session", "set-active"]
const REVOKE_OTHER = ["revoke"]
const REVOKE_ACTIVE = ["get-session", "revoke"]

const LABELS = {
  react: "React example",
  vue: "Vue example",
  svelte: "Svelte example",
  solid: "Solid example",
}

for (const framework of FRAMEWORKS) {
  test.describe(framework, () => {
    test("signs in three accounts and shows the last one active", async ({ page, serverURL }) => {
      await openApp(page, serverURL, framework)
      await expect(page.getByText(LABELS[framework], { exact: true })).toBeVisible()
      await expect(ui(page).header).toContainText("Not signed in")
      await expect(ui(page).empty).toBeVisible()
      await expect(ui(page).signOutAll).toHaveCount(0)

      await signIn(page, ada)
      await expectActive(page, ada, [ada])
      await signIn(page, grace)
      await expectActive(page, grace, [ada, grace])
      await signIn(page, alan)
      await expectActive(page, alan, [ada, grace, alan])
      await expect(ui(page).header.locator(".avatar")).toHaveAttribute("data-initials", "AT")
      await expect(ui(page).empty).toHaveCount(0)
      expect(await sessionEmail(page)).toBe(alan.email)

      await page.screenshot({ path: join(ARTIFACTS_DIR, `${framework}.png`), fullPage: true })
      await page.setViewportSize({ width: 390, height: 844 })
      await expectActive(page, alan, [ada, grace, alan])
      await page.screenshot({
        path: join(ARTIFACTS_DIR, `${framework}-phone.png`),
        fullPage: true,
      })
    })

    test("switches to another account", async ({ page, serverURL }) => {
      await signInThree(page, serverURL, framework)

      const requests = await countAuthRequests(
        page,
        () => ui(page).entry(ada).getByRole("button", { name: "Switch to Ada Lovelace" }).click(),
        () => expectActive(page, ada, [ada, grace, alan]),
      )
      recordRequests(framework, "switch", requests)
      expect([...requests].sort()).toEqual(SWITCH)

      expect(await sessionEmail(page)).toBe(ada.email)
      await expectActive(page, ada, [ada, grace, alan])
    })

    test("removes an account that is not active", async ({ page, serverURL }) => {
      await signInThree(page, serverURL, framework)

      const requests = await countAuthRequests(
        page,
        () => ui(page).entry(grace).getByRole("button", { name: "Remove Grace Hopper" }).click(),
        () => expectActive(page, alan, [ada, alan]),
      )
      recordRequests(framework, "revoke", requests)
      expect([...requests].sort()).toEqual(REVOKE_OTHER)

      await expect(ui(page).entry(grace)).toHaveCount(0)
      expect(await deviceEmails(page)).toEqual([ada.email, alan.email].sort())
      expect(await sessionEmail(page)).toBe(alan.email)
    })

    test("removes the active account and shows the one the server promoted", async ({
      page,
      serverURL,
    }) => {
      await signInThree(page, serverURL, framework)

      const { header, entries, entry, activeEntries } = ui(page)
      const requests = await countAuthRequests(
        page,
        () => entry(alan).getByRole("button", { name: "Remove Alan Turing" }).click(),
        async () => {
          await expect(entries).toHaveCount(2)
          await expect(activeEntries).toHaveCount(1)
          await expect(header.locator(".name")).not.toHaveText(alan.name)
        },
      )
      recordRequests(framework, "revoke active", requests)
      expect([...requests].sort()).toEqual(REVOKE_ACTIVE)

      await expect(entry(alan)).toHaveCount(0)
      const promotedEmail = await sessionEmail(page)
      const promoted = [ada, grace].find((account) => account.email === promotedEmail)
      if (!promoted) throw new Error(`the server promoted ${promotedEmail}, not Ada or Grace`)
      await expectActive(page, promoted, [ada, grace])
      await expect(activeEntries.locator(".name")).toHaveText(promoted.name)
    })

    test("follows a switch made in another tab without a reload", async ({
      context,
      page,
      serverURL,
    }) => {
      await signInThree(page, serverURL, framework)
      const other = await context.newPage()
      await openApp(other, serverURL, framework)
      await expectActive(other, alan, [ada, grace, alan])
      // A reload would drop this mark.
      await other.evaluate(() => {
        ;(window as unknown as { stayedOpen: boolean }).stayedOpen = true
      })

      await ui(page).entry(grace).getByRole("button", { name: "Switch to Grace Hopper" }).click()
      await expectActive(page, grace, [ada, grace, alan])

      await expectActive(other, grace, [ada, grace, alan])
      expect(
        await other.evaluate(() => (window as unknown as { stayedOpen?: boolean }).stayedOpen),
      ).toBe(true)
    })

    test("keeps the accounts after a reload", async ({ page, serverURL }) => {
      await signInThree(page, serverURL, framework)
      await ui(page).entry(grace).getByRole("button", { name: "Switch to Grace Hopper" }).click()
      await expectActive(page, grace, [ada, grace, alan])

      await page.reload()
      await expect(page.getByText("Loading accounts…")).toBeHidden()
      await expectActive(page, grace, [ada, grace, alan])
      expect(await sessionEmail(page)).toBe(grace.email)
    })

    test("signs out of all accounts", async ({ page, serverURL }) => {
      await signInThree(page, serverURL, framework)

      await signOutAll(page)
      await expect(ui(page).header).toContainText("Not signed in")
      await expect(ui(page).empty).toBeVisible()
      await expect(ui(page).entries).toHaveCount(0)
      await expect(ui(page).signOutAll).toHaveCount(0)
      expect(await sessionEmail(page)).toBeNull()
      expect(await deviceEmails(page)).toEqual([])

      await page.reload()
      await expect(ui(page).header).toContainText("Not signed in")
      await expect(ui(page).empty).toBeVisible()
    })

    test("reports an account already removed in another tab and keeps working", async ({
      context,
      page,
      serverURL,
    }) => {
      await signInThree(page, serverURL, framework)

      // The other tab runs no switcher (the landing page), so this tab hears nothing of it.
      const other = await context.newPage()
      await other.goto(`${serverURL}/`)
      const status = await other.evaluate(async (email) => {
        const list = await fetch("/api/auth/multi-session/list-device-sessions")
        const entries = (await list.json()) as {
          session: { token: string }
          user: { email: string }
        }[]
        const target = entries.find((entry) => entry.user.email === email)
        if (!target) return "not listed"
        const res = await fetch("/api/auth/multi-session/revoke", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ sessionToken: target.session.token }),
        })
        return res.status
      }, grace.email)
      expect(status).toBe(200)
      await other.close()

      // This tab still shows Grace, as a tab that has not caught up yet would.
      await expectActive(page, alan, [ada, grace, alan])
      await ui(page).entry(grace).getByRole("button", { name: "Remove Grace Hopper" }).click()
      await expect(ui(page).alert).toHaveText(
        "Couldn't remove Grace Hopper: that account was already removed from this device.",
      )
      await expectActive(page, alan, [ada, alan])

      await ui(page).entry(ada).getByRole("button", { name: "Switch to Ada Lovelace" }).click()
      await expectActive(page, ada, [ada, alan])
      await expect(ui(page).alert).toHaveCount(0)
      expect(await sessionEmail(page)).toBe(ada.email)
    })
  })
}
