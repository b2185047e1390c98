/**
 * Who listens to a service's state, and when they hear of a change. Typing must reach its text box
 * before the browser restores the old value, which would move the caret to the end, so a keystroke's
 * change is told at once; everything else waits for the microtask, since a drag fires many host
 * updates per frame and listeners should hear about them once.
 */
export class StateListeners {
  private readonly listeners = new Set<() => void>();
  private scheduled = false;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  notify(immediately = false): void {
    if (immediately) {
      this.listeners.forEach(listener => listener());
      return;
    }
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.listeners.forEach(listener => listener());
    });
  }
}
