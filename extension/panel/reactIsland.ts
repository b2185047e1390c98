import type { ReactElement, RefCallback } from 'react';

/** Mounts UI into a container and returns its unmount. */
export type Mount = (container: HTMLElement) => () => void;

/**
 * A React 18 element is a plain object tagged with a registered symbol; the host's reconciler takes
 * one built here as its own. Writing it out keeps React itself out of the code the viewer loads at
 * start-up.
 */
function hostElement(type: string, props: Record<string, unknown>, ref: RefCallback<HTMLDivElement>): ReactElement {
  return { $$typeof: Symbol.for('react.element'), type, key: null, ref, props, _owner: null } as unknown as ReactElement;
}

/**
 * Makes a component the host can render although its React is not ours: the host receives an
 * element whose ref mounts our own root inside. The component uses no hooks, so it is safe under the
 * host's React. The UI itself (React, react-dom, the panel) is loaded only when first shown.
 */
export function reactIsland(loadMount: () => Promise<Mount>, className: string): () => ReactElement {
  const mounted = new Map<HTMLElement, () => void>();

  const unmountDetached = () => {
    for (const [container, unmount] of mounted) {
      if (!container.isConnected) {
        unmount();
        mounted.delete(container);
      }
    }
  };

  // One ref for every render keeps the host from detaching and re-attaching it on each update.
  const ref = (element: HTMLDivElement | null) => {
    if (!element) {
      // Unmounting inside the host's commit would be a nested render; wait until it has finished.
      setTimeout(unmountDetached);
      return;
    }
    if (mounted.has(element)) return;
    mounted.set(element, () => undefined);
    void loadMount().then(mount => {
      // The host may have taken the container away while the UI was loading.
      if (mounted.has(element) && element.isConnected) mounted.set(element, mount(element));
    });
  };

  return function TeachingIsland() {
    return hostElement('div', { className, style: { height: '100%' } }, ref);
  };
}
