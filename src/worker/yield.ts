// Yields to the event loop without setTimeout's ≥4 ms clamp (browsers clamp nested timeouts; a step
// can take 7 ms on wasm, so the clamp would cost a third of the throughput). A MessageChannel message
// is a fresh task: messages from the UI queued meanwhile (pause, setWeights) run before it.
export function createYield(): () => Promise<void> {
  if (typeof MessageChannel === 'undefined') return () => new Promise((r) => setTimeout(r, 0));
  const ch = new MessageChannel();
  const waiting: (() => void)[] = [];
  ch.port1.onmessage = () => waiting.shift()?.();
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      ch.port2.postMessage(0);
    });
}
