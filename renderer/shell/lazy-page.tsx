/**
 * Pages that load on first use and never suspend once loaded. React.lazy suspends on the first
 * render even when the chunk is already in memory, and React 19 holds a revealed Suspense
 * boundary back for up to 300 ms; so a window opened straight on a page (a notification's link,
 * a reload) would wait for nothing. main.tsx preloads the page of the start route before the first
 * render, and the shell preloads the other pages while the browser is idle.
 */
import { use, type ComponentType } from 'react';

export interface LazyPage {
  (): React.JSX.Element;
  preload(): Promise<ComponentType>;
}

export function lazyPage(load: () => Promise<ComponentType>): LazyPage {
  let loaded: ComponentType | undefined;
  let pending: Promise<ComponentType> | undefined;
  const preload = (): Promise<ComponentType> =>
    (pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        // A failed chunk load may be retried on the next visit.
        pending = undefined;
        throw error;
      },
    ));
  function Page() {
    const Component = loaded ?? use(preload());
    return <Component />;
  }
  return Object.assign(Page, { preload });
}
