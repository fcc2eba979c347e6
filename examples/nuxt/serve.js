// Starts the production build (Nitro's node-server) with this example's defaults: port 3300 on
// loopback, beside the example server's 3000. PORT, HOST, ORIGIN and the rest still apply.
process.env.PORT ||= "3300"
process.env.HOST ||= "127.0.0.1"
await import("./.output/server/index.mjs")
