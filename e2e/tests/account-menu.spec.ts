// The account menu and the page around it, as a person meets them: by keyboard alone, with
// a screen reader's names, checked by axe, and each thing a newcomer tripped over (issue 17).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import AxeBuilder from "@axe-core/playwright"
import type { Page, Route } from "@playwright/test"
import { CAPACITY_TEXT, notListedText } from "../../examples/shared/people"
import { ARTIFACTS_DIR, FRAMEWORKS, type Framework } from "./paths"
import {
  ada,
  alan,
  deviceEmails,
  expect,
  expectActive,
  grace,
  openApp,
  sessionEmail,
  signIn,
  signInThree,
  test,
  ui,
} from "./switcher"

const SCREENSHOTS = join(ARTIFACTS_DIR, "account-menu")
const item = (page: Page, name: string | RegExp) => ui(page).menu.getByRole("menuitem", { name })
const highlighted = (page: Page) => ui(page).menu.locator("[data-highlighted]")
const SET_ACTIVE = "**/api/auth/multi-session/set-active"

/** Opens the app and signs in Ada, then Grace: Grace is active. */
async function signInAdaAndGrace(page: Page, serverURL: string, framework: Framework) {
  await openApp(page, serverURL, framework)
  await signIn(page, ada)
  await signIn(page, grace)
}

/** Signs up a new account through "New account"; unique per run, so it can be repeated. */
async function signUp(page: Page, name: string) {
  await ui(page).addAccount.click()
  const form = page.getByRole("form", { name: "Add account" })
  await form.getByRole("button", { name: "New account" }).click()
  await form.getByLabel("Name").fill(name)
  const email = `${name.toLowerCase().replaceAll(" ", ".")}.${Date.now()}@example.com`
  await form.getByLabel("Email").fill(email)
  await form.getByLabel("Password").fill("a long enough password")
  await form.getByRole("button", { name: "Create account" }).click()
  await expect(form).toBeHidden()
  await expect(ui(page).header.locator(".name")).toHaveText(name)
}

/** Runs axe on the page and adds the count to e2e/artifacts/axe.json; returns the violations. */
async function axe(page: Page, framework: Framework, state: string) {
  const { violations } = await new AxeBuilder({ page }).analyze()
  const file = join(ARTIFACTS_DIR, "axe.json")
  let counts: Record<string, number> = {}
  try {
    counts = JSON.parse(readFileSync(file, "utf8"))
  } catch {
    // The first state of the run.
  }
  counts[`${framework} ${state}`] = violations.length
  writeFileSync(file, `${JSON.stringify(counts, null, 2)}\n`)
  await page.screenshot({ path: join(SCREENSHOTS, `${framework}-${state}.png`) })
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)
}

for (const framework of FRAMEWORKS) {
  test.describe(`${framework} account menu`, () => {
    test("works by keyboard alone: open, move, switch, add an account, sign out of all", async ({
      page,
      serverURL,
    }) => {
      await signInAdaAndGrace(page, serverURL, framework)
      // From the top of a fresh page.
      await page.reload()
      await expect(ui(page).header.locator(".name")).toHaveText(grace.name)

      // The avatar button is the first stop; Enter opens the menu on its first item.
      await page.keyboard.press("Tab")
      await expect(ui(page).menuButton).toBeFocused()
      await expect(ui(page).menuButton).toHaveAccessibleName(
        "Account menu, signed in as Grace Hopper",
      )
      await page.keyboard.press("Enter")
      await expect(ui(page).menu).toBeVisible()
      // Zag moves the focus into the menu a frame after it opens; keys wait for it.
      await expect(ui(page).menu).toBeFocused()
      await expect(ui(page).menu.getByText("Signed in as")).toBeVisible()
      await expect(highlighted(page)).toHaveAccessibleName(
        "Switch to Ada Lovelace, ada@example.com",
      )
      await page.keyboard.press("ArrowDown")
      await expect(highlighted(page)).toHaveAccessibleName("Add another account")
      await page.keyboard.press("End")
      await expect(highlighted(page)).toHaveAccessibleName("Sign out of all accounts")
      await page.keyboard.press("Home")
      await expect(highlighted(page)).toHaveAccessibleName(
        "Switch to Ada Lovelace, ada@example.com",
      )
      await page.keyboard.press("m")
      await expect(highlighted(page)).toHaveAccessibleName("Manage accounts")
      await page.keyboard.press("Escape")
      await expect(ui(page).menu).toBeHidden()
      await expect(ui(page).menuButton).toBeFocused()

      // Switch: Enter on Ada.
      await page.keyboard.press("Enter")
      await expect(ui(page).menu).toBeFocused()
      await page.keyboard.press("Home")
      await page.keyboard.press("Enter")
      await expect(ui(page).menu).toBeHidden()
      await expectActive(page, ada, [ada, grace])
      await expect(ui(page).menuButton).toBeFocused()
      expect(await sessionEmail(page)).toBe(ada.email)

      // Add an account: the form opens with the focus on Email; Enter submits it.
      await page.keyboard.press("Enter")
      await expect(ui(page).menu).toBeFocused()
      await page.keyboard.press("ArrowDown")
      await expect(highlighted(page)).toHaveAccessibleName("Add another account")
      await page.keyboard.press("Enter")
      const form = page.getByRole("form", { name: "Add account" })
      await expect(form.getByLabel("Email")).toBeFocused()
      await page.keyboard.type(alan.email)
      await page.keyboard.press("Tab")
      await expect(form.getByLabel("Password")).toBeFocused()
      await page.keyboard.type("multisession-demo")
      await page.keyboard.press("Enter")
      await expect(form).toBeHidden()
      await expectActive(page, alan, [ada, grace, alan])

      // Sign out of all: the dialog opens on Cancel; the confirm is one Tab away.
      await ui(page).menuButton.focus()
      await page.keyboard.press("Enter")
      await expect(ui(page).menu).toBeFocused()
      await page.keyboard.press("End")
      await page.keyboard.press("Enter")
      await expect(ui(page).dialog).toBeVisible()
      await expect(ui(page).dialog.getByRole("button", { name: "Cancel" })).toBeFocused()
      await page.keyboard.press("Tab")
      await expect(
        ui(page).dialog.getByRole("button", { name: "Sign out of all", exact: true }),
      ).toBeFocused()
      await page.keyboard.press("Enter")
      await expect(ui(page).dialog).toBeHidden()
      await expect(ui(page).header).toContainText("Not signed in")
      expect(await deviceEmails(page)).toEqual([])
    })

    test("has no axe violations closed, open, in the dialog, with an error, at capacity, light and dark", async ({
      page,
      serverURL,
    }) => {
      mkdirSync(SCREENSHOTS, { recursive: true })
      await signInThree(page, serverURL, framework)
      const found: Record<string, string[]> = {}
      for (const colorScheme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme })
        found[`${colorScheme} closed`] = await axe(page, framework, `closed-${colorScheme}`)
        await ui(page).menuButton.click()
        await expect(ui(page).menu).toBeVisible()
        found[`${colorScheme} open`] = await axe(page, framework, `open-${colorScheme}`)
        await item(page, "Sign out of all accounts").click()
        await expect(ui(page).dialog).toBeVisible()
        found[`${colorScheme} dialog`] = await axe(page, framework, `dialog-${colorScheme}`)
        await ui(page).dialog.getByRole("button", { name: "Cancel" }).click()
        await expect(ui(page).dialog).toBeHidden()

        // Each round switches to someone not active: Retry ends the first round on Ada.
        const target = colorScheme === "light" ? ada : grace
        await page.route(SET_ACTIVE, (route) => route.abort("internetdisconnected"))
        await ui(page)
          .entry(target)
          .getByRole("button", { name: `Switch to ${target.name}` })
          .click()
        await expect(ui(page).alert).toContainText(`Couldn't switch to ${target.name}`)
        found[`${colorScheme} error`] = await axe(page, framework, `error-${colorScheme}`)
        await page.unroute(SET_ACTIVE)
        await ui(page).alert.getByRole("button", { name: "Retry" }).click()
        await expect(ui(page).alert).toHaveCount(0)
      }

      await signUp(page, "Edsger Dijkstra")
      await signUp(page, "Barbara Liskov")
      await expect(ui(page).addAccount).toBeDisabled()
      for (const colorScheme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme })
        await ui(page).menuButton.click()
        await expect(ui(page).menu).toBeVisible()
        found[`${colorScheme} capacity`] = await axe(page, framework, `capacity-${colorScheme}`)
        await page.keyboard.press("Escape")
      }
      // The phone layout, looked at in the screenshots.
      await page.setViewportSize({ width: 390, height: 844 })
      await ui(page).menuButton.click()
      await page.screenshot({ path: join(SCREENSHOTS, `${framework}-phone.png`), fullPage: true })

      expect(found).toEqual(Object.fromEntries(Object.keys(found).map((key) => [key, []])))
    })

    test("the first screen offers to add an account, not another one", async ({
      page,
      serverURL,
    }) => {
      await openApp(page, serverURL, framework)
      await expect(ui(page).empty).toBeVisible()
      await expect(ui(page).addAccount).toHaveText("Add an account")
      await expect(page.getByText(/another/)).toHaveCount(0)
      await ui(page).menuButton.click()
      await expect(item(page, "Add an account")).toBeVisible()
      await expect(ui(page).menu.getByText(/another/)).toHaveCount(0)
      await expect(item(page, "Sign out of all accounts")).toHaveCount(0)
    })

    test("the form names its mode and its submit apart, takes the focus, and says how long a password must be", async ({
      page,
      serverURL,
    }) => {
      await openApp(page, serverURL, framework)
      await ui(page).addAccount.click()
      const form = page.getByRole("form", { name: "Add account" })
      await expect(form.getByLabel("Email")).toBeFocused()
      await expect(form.getByRole("button", { name: "Sign in" })).toHaveCount(1)
      await expect(form.getByRole("button", { name: "Sign in" })).toHaveAttribute("type", "submit")

      await form.getByRole("button", { name: "New account" }).click()
      await form.getByLabel("Name").fill("Short Password")
      await form.getByLabel("Email").fill(`short.${Date.now()}@example.com`)
      await form.getByLabel("Password").fill("short")
      await expect(form.getByText("At least 8 characters.")).toBeVisible()
      await form.getByRole("button", { name: "Create account" }).click()
      await expect(form.getByRole("alert")).toHaveText(
        "That password is too short: use at least 8 characters.",
      )
      expect(await deviceEmails(page)).toEqual([])
    })

    test("focus goes to the list's heading after a removal, and to Add an account after the last", async ({
      page,
      serverURL,
    }) => {
      await signInAdaAndGrace(page, serverURL, framework)
      await ui(page).entry(grace).getByRole("button", { name: "Remove Grace Hopper" }).click()
      await expect(ui(page).entries).toHaveCount(1)
      await expect(page.getByRole("heading", { name: "Manage accounts" })).toBeFocused()
      await ui(page).entry(ada).getByRole("button", { name: "Remove Ada Lovelace" }).click()
      await expect(ui(page).empty).toBeVisible()
      await expect(ui(page).addAccount).toBeFocused()
      await expect(ui(page).addAccount).toHaveText("Add an account")
    })

    test("a switch's target says Switching… and the badge moves when the server has answered", async ({
      page,
      serverURL,
    }) => {
      await signInAdaAndGrace(page, serverURL, framework)
      let answer = () => {}
      const held = new Promise<void>((resolve) => {
        answer = resolve
      })
      await page.route(SET_ACTIVE, async (route: Route) => {
        await held
        await route.continue()
      })
      await ui(page).entry(ada).getByRole("button", { name: "Switch to Ada Lovelace" }).click()
      const target = ui(page).entry(ada)
      await expect(target).toContainText("Switching…")
      await expect(page.locator(".badge")).toHaveCount(0)
      await expect(ui(page).menuButton).toHaveAttribute("aria-busy", "true")
      answer()
      await expect(target.locator(".badge")).toHaveText("Active")
      await expect(page.getByText("Switching…")).toHaveCount(0)
      await expect(page.locator(".badge")).toHaveCount(1)
      await expectActive(page, ada, [ada, grace])
    })

    test("a lost server is said in words with a Retry, and the words go once it works", async ({
      page,
      serverURL,
    }) => {
      await signInAdaAndGrace(page, serverURL, framework)
      await page.route(SET_ACTIVE, (route) => route.abort("internetdisconnected"))
      await ui(page).menuButton.click()
      await item(page, "Switch to Ada Lovelace, ada@example.com").click()
      await expect(ui(page).alert).toContainText(
        "Couldn't switch to Ada Lovelace: the server can't be reached.",
      )
      await expectActive(page, grace, [ada, grace])
      await page.unroute(SET_ACTIVE)
      await ui(page).alert.getByRole("button", { name: "Retry" }).click()
      await expectActive(page, ada, [ada, grace])
      await expect(ui(page).alert).toHaveCount(0)
      expect(await sessionEmail(page)).toBe(ada.email)
    })

    test("a lost network is said in words, and the words go by themselves once it is back", async ({
      context,
      page,
      serverURL,
    }) => {
      await signInAdaAndGrace(page, serverURL, framework)
      await context.setOffline(true)
      await ui(page).entry(ada).getByRole("button", { name: "Switch to Ada Lovelace" }).click()
      await expect(ui(page).alert).toContainText(
        "Couldn't switch to Ada Lovelace: the server can't be reached.",
      )
      // Back online: better-auth refreshes the session, the list follows, no Retry needed.
      await context.setOffline(false)
      await expect(ui(page).alert).toHaveCount(0)
      await expectActive(page, grace, [ada, grace])
      expect(await sessionEmail(page)).toBe(grace.email)
    })

    test("shows the user's picture when there is one, and initials otherwise", async ({
      page,
      serverURL,
    }) => {
      await signInAdaAndGrace(page, serverURL, framework)
      const image = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E"
      const status = await page.evaluate(async (image) => {
        const res = await fetch("/api/auth/update-user", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ image }),
        })
        return res.status
      }, image)
      expect(status).toBe(200)
      await page.reload()
      const avatar = ui(page).entry(grace).locator(".avatar")
      await expect(avatar.locator("img")).toHaveAttribute("src", image)
      await expect(avatar).not.toHaveAttribute("data-initials")
      await expect(ui(page).entry(ada).locator(".avatar img")).toHaveCount(0)
      await expect(ui(page).entry(ada).locator(".avatar")).toHaveAttribute("data-initials", "AL")
    })

    test("sign out of all asks first, and Cancel keeps every account in every tab", async ({
      context,
      page,
      serverURL,
    }) => {
      await signInAdaAndGrace(page, serverURL, framework)
      const other = await context.newPage()
      await openApp(other, serverURL, framework)
      await expectActive(other, grace, [ada, grace])

      await ui(page).menuButton.click()
      await item(page, "Sign out of all accounts").click()
      await expect(ui(page).dialog).toContainText(
        "Every account on this device is signed out, in every tab of this browser.",
      )
      await ui(page).dialog.getByRole("button", { name: "Cancel" }).click()
      await expect(ui(page).dialog).toBeHidden()
      await expect(ui(page).menuButton).toBeFocused()
      expect(await deviceEmails(page)).toEqual([ada.email, grace.email])
      await expectActive(other, grace, [ada, grace])

      await ui(page).signOutAll.click()
      await ui(page).dialog.getByRole("button", { name: "Sign out of all", exact: true }).click()
      await expect(ui(page).header).toContainText("Not signed in")
      await expect(ui(other).header).toContainText("Not signed in")
      await other.close()
    })

    test("at the device's limit Add is disabled and says why; each person has a colour of their own", async ({
      page,
      serverURL,
    }) => {
      await signInThree(page, serverURL, framework)
      const colours = await ui(page)
        .entries.locator(".avatar")
        .evaluateAll((avatars) => avatars.map((a) => getComputedStyle(a).backgroundColor))
      expect(new Set(colours).size).toBe(3)

      await signUp(page, "Edsger Dijkstra")
      await expect(ui(page).addAccount).toBeEnabled()
      await signUp(page, "Barbara Liskov")
      await expect(ui(page).entries).toHaveCount(5)
      await expect(ui(page).addAccount).toBeDisabled()
      await expect(ui(page).addAccount).toHaveAccessibleDescription(CAPACITY_TEXT)
      await ui(page).menuButton.click()
      const add = item(page, "Add another account")
      await expect(add).toHaveAttribute("aria-disabled", "true")
      await expect(add).toHaveAccessibleDescription(CAPACITY_TEXT)
      await page.keyboard.press("Escape")

      // A sixth sign-in made past the switcher (another app on this origin): the server
      // makes it active but keeps it off the list, and the page says what that means.
      const status = await page.evaluate(async (email) => {
        const res = await fetch("/api/auth/sign-up/email", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            name: "Frances Allen",
            email,
            password: "a long enough password",
          }),
        })
        return res.status
      }, `frances.${Date.now()}@example.com`)
      expect(status).toBe(200)
      await page.reload()
      await expect(ui(page).header.locator(".name")).toHaveText("Frances Allen")
      await expect(ui(page).entries).toHaveCount(5)
      await expect(page.getByText(notListedText("Frances Allen"))).toBeVisible()
    })
  })
}
