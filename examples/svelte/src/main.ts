import { mount } from "svelte"
import "../../shared/switcher.css"
import App from "./App.svelte"

mount(App, { target: document.getElementById("app") as HTMLElement })
