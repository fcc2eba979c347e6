// Starts the production build (adapter-node) with this example's defaults: port 3100 on
// loopback, beside the example server's 3000. PORT, HOST, ORIGIN and the rest still apply.
process.env.PORT ||= "3100"
process.env.HOST ||= "127.0.0.1"
await import("./build/index.js")
