import adapter from "@sveltejs/adapter-node"
import { vitePreprocess } from "@sveltejs/vite-plugin-svelte"

// A Node server (`node build/index.js`): the auth API, the server-rendered page and its assets.
export default {
  preprocess: vitePreprocess(),
  kit: { adapter: adapter() },
}
