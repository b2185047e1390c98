/** Every promise already settled has run its callbacks, however long the chain. */
export const settle = () => new Promise(resolve => setImmediate(resolve));

/** Timers that run only when the test moves the clock. */
export class ManualClock {
  now = 0;
  private queue: Array<{ at: number; run: () => void; order: number }> = [];
  private order = 0;
  setTimeout = (run: () => void, ms: number) => {
    this.queue.push({ at: this.now + ms, run, order: this.order++ });
    return this.order;
  };
  /** Moves time on, running due timers in order, and lets the promises they settle run too. */
  async advance(ms: number) {
    const until = this.now + ms;
    for (;;) {
      await settle();
      this.queue.sort((a, b) => a.at - b.at || a.order - b.order);
      const next = this.queue[0];
      if (!next || next.at > until) break;
      this.queue.shift();
      this.now = next.at;
      next.run();
    }
    this.now = until;
    await settle();
  }
}
