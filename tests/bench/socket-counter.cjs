// Preloaded (`--require`) into the benchmark's checker process, where it also runs in every worker thread: counts the
// client sockets the thread holds and reports each new maximum to the process's main thread (link-checker-child.mjs).
// Sockets as the checker holds them (the farm's own count lags when its event loop is saturated): created and not yet
// closed, and of those the ones not already destroyed (a destroyed socket's close event comes a loop turn later).
const diagnostics = require('node:diagnostics_channel');
const { BroadcastChannel, isMainThread } = require('node:worker_threads');

if (!isMainThread) {
  const channel = new BroadcastChannel('lint-lists-bench-sockets');
  channel.unref();
  const sockets = new Set();
  let maxOpen = 0;
  let maxLive = 0;
  diagnostics.subscribe('net.client.socket', ({ socket }) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    let isNewMax = false;
    if (sockets.size > maxOpen) {
      maxOpen = sockets.size;
      isNewMax = true;
    }
    if (sockets.size > maxLive) {
      let live = 0;
      for (const s of sockets) if (!s.destroyed) live += 1;
      if (live > maxLive) {
        maxLive = live;
        isNewMax = true;
      }
    }
    if (isNewMax) channel.postMessage({ maxOpen, maxLive });
  });
}
