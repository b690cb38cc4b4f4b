export * from './ipc';
export * from './security/csp';
