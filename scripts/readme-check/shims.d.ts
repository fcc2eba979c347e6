// For tsc only: a .ts/.tsx block may import a component (`import App from "./App.vue"`).
// vue-tsc and svelte-check read those files themselves.
declare module "*.vue" {
  import type { DefineComponent } from "vue"

  const component: DefineComponent
  export default component
}

declare module "*.svelte" {
  import type { Component } from "svelte"

  const component: Component
  export default component
}
