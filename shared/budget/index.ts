export * from './spending';
export * from './month';
export * from './net-worth';
export * from './debt-history';
export * from './filter';
export * from './reports';
