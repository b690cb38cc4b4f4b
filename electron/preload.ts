/**
 * Sandboxed preload, bundled into one CommonJS file (dist-electron/preload.cjs) because a
 * sandboxed preload can load neither ES modules nor arbitrary requires.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld('clearday', createBridge(ipcRenderer));
