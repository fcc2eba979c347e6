// The latency page for the baseline (React Query + better-auth's built-in plugin), bundled by
// latency.ts into .out/www/baseline.js.
import { createRoot } from "react-dom/client"
import { createBaselineApp } from "../apps/baseline"

const app = createBaselineApp({ baseURL: location.origin })
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
