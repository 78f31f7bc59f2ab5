// The test harness's stand-in for the preload: window.sessiewijzer over
// fetch (POST /api/<channel>) and server-sent events (/events). Same shape
// as src/preload/index.ts; see tests/harness/server.ts.
(() => {
  const listeners = new Map();
  const source = new EventSource('/events');
  source.onmessage = (message) => {
    // When the last push of each event arrived, before it was parsed and any listener ran
    // (bench/presenting.bench.ts splits its time with it).
    const at = performance.timeOrigin + performance.now();
    const { event, payload } = JSON.parse(message.data);
    (window.__pushedAt ??= {})[event] = at;
    for (const listener of listeners.get(event) ?? []) listener(payload);
    (window.__listenedAt ??= {})[event] = performance.timeOrigin + performance.now();
  };
  // In Electron a window's push channel exists before its first request. Here the event stream
  // connects on its own; a request answered before it is open could miss the push of a change
  // made right after (a screen would then keep that older answer). So requests wait for it.
  const connected = new Promise((resolve) => {
    source.addEventListener('open', resolve, { once: true });
    source.addEventListener('error', resolve, { once: true });
  });
  const invoke = new Proxy(
    {},
    {
      get: (_target, channel) => async (input) => {
        await connected;
        const res = await fetch(`/api/${encodeURIComponent(String(channel))}`, {
          method: 'POST',
          // The audience window (#/publiek/<id>) has its own, smaller preload in Electron; the
          // harness applies the same channel set to requests marked like this.
          headers: {
            'content-type': 'application/json',
            ...(location.hash.startsWith('#/publiek/') ? { 'x-sessiewijzer-window': 'audience' } : {}),
          },
          body: JSON.stringify({ input }),
        });
        return res.json();
      },
    },
  );
  window.sessiewijzer = {
    invoke,
    on(event, listener) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event).add(listener);
      return () => listeners.get(event).delete(listener);
    },
  };
})();
