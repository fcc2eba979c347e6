// For tsc, a .ts/.tsx block may import a component (`import App from "./App.vue"`), and for
// svelte-check a .svelte block may import the App.svelte fixture. vue-tsc reads those itself.
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
