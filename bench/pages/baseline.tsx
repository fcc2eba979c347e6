// The latency page for the baseline (React Query + better-auth's built-in plugin), bundled by
// latency.ts into .out/www/baseline.js, and for the careful baseline (the same with TanStack
// Query's optimistic updates and a 5 s staleTime), served at /careful/.
import { createRoot } from "react-dom/client"
import { createBaselineApp } from "../apps/baseline"

const app = createBaselineApp({ baseURL: location.origin }, location.pathname === "/careful/")
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
