import { createElement, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';

/**
 * Makes a component the host can render although its React is not ours: the host receives a plain
 * React 18 element (a tagged object both copies understand) whose ref mounts our own root inside.
 * The component uses no hooks, so it is safe under the host's React.
 */
export function reactIsland(render: () => ReactElement, className: string): () => ReactElement {
  const roots = new Map<HTMLElement, Root>();

  // One ref for every render keeps the host from detaching and re-attaching it on each update.
  const ref = (element: HTMLDivElement | null) => {
    if (element) {
      if (roots.has(element)) return;
      const root = createRoot(element);
      roots.set(element, root);
      root.render(render());
      return;
    }
    // Unmounting inside the host's commit would be a nested render; wait until it has finished.
    setTimeout(() => {
      for (const [container, root] of roots) {
        if (!container.isConnected) {
          root.unmount();
          roots.delete(container);
        }
      }
    });
  };

  return function TeachingIsland() {
    return createElement('div', { ref, className, style: { height: '100%' } });
  };
}
