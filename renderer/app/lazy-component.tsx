/**
 * Components that load on first use and never suspend once loaded: the shell's pages, and the
 * parts of a feature other features show (so a feature's index.ts can offer them without pulling
 * them into the start-up bundle). React.lazy suspends on the first render even when the chunk is
 * already in memory, and React 19 holds a revealed Suspense boundary back for up to 300 ms; so a
 * window opened straight on a page (a notification's link, a reload) would wait for nothing.
 * main.tsx preloads the page of the start route before the first render, and the shell preloads
 * the other pages while the browser is idle; a page's route loader preloads the lazy parts it shows.
 */
import { use, type ComponentType } from 'react';

export interface LazyComponent<P extends object = Record<string, never>> {
  (props: P): React.JSX.Element;
  preload(): Promise<ComponentType<P>>;
}

export function lazyComponent<P extends object = Record<string, never>>(load: () => Promise<ComponentType<P>>): LazyComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = (): Promise<ComponentType<P>> =>
    (pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        // A failed chunk load may be retried on the next visit.
        pending = undefined;
        throw error;
      },
    ));
  function Lazy(props: P) {
    const Component = loaded ?? use(preload());
    return <Component {...props} />;
  }
  return Object.assign(Lazy, { preload });
}
