// Stands in for `cloudflare:workers` outside workerd. The bundled functions read bindings from
// `env` only as default arguments, and the replay always passes its own, so `env` stays empty.
export const env = {};
