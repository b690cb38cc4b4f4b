/** A feature's page at a route, loaded on first use (the shell wraps each in a lazy page). */
import type { ComponentType } from 'react';

export interface FeatureRoute {
  path: string;
  load: () => Promise<ComponentType>;
}
