// Preloaded into the Prisma CLI (NODE_OPTIONS=--require): the wasm schema
// engine leaves a long timer running, so every CLI command would wait about
// 10 s before exiting. Timers of 10 s or more must not keep the process alive.
const originalSetTimeout = global.setTimeout;
global.setTimeout = function setTimeoutUnrefLong(callback, delay, ...args) {
  const timer = originalSetTimeout(callback, delay, ...args);
  if (typeof delay === "number" && delay >= 10_000 && timer && typeof timer.unref === "function") timer.unref();
  return timer;
};
