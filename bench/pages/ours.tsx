// The latency page for @multisession/react, bundled by latency.ts into .out/www/ours.js.
import { createRoot } from "react-dom/client"
import { createOursApp } from "../apps/ours"

const app = createOursApp({ baseURL: location.origin })
const root = document.getElementById("root")
if (root) {
  createRoot(root).render(
    app.root(
      <>
        <app.Switcher />
        <app.WhoAmI />
      </>,
    ),
  )
}
