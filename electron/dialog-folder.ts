/**
 * Where the save and open dialogs start. Since Electron 43 a dialog without `defaultPath` opens in
 * Downloads, and a save dialog given a bare file name may resolve it against the process's working
 * directory (the app's install folder on Windows). So every dialog gets an absolute start: the
 * folder the user last saved to or opened from in this run, else Downloads, where the bill files
 * of payment apps and banks land.
 */
import { dirname, isAbsolute, join } from 'node:path';
import type { FileDialogs } from './file-handlers';

export interface DialogFolder {
  readonly dialogs: FileDialogs;
  /** The folder the next dialog starts in. */
  current(): string;
}

export function withStartFolder(dialogs: FileDialogs, initialFolder: string): DialogFolder {
  let folder = initialFolder;
  return {
    dialogs: {
      async showSaveDialog(options) {
        const defaultPath = isAbsolute(options.defaultPath) ? options.defaultPath : join(folder, options.defaultPath);
        const result = await dialogs.showSaveDialog({ ...options, defaultPath });
        if (!result.canceled && result.filePath && isAbsolute(result.filePath)) folder = dirname(result.filePath);
        return result;
      },
      async showOpenDialog(options) {
        const result = await dialogs.showOpenDialog({ ...options, defaultPath: options.defaultPath ?? folder });
        const chosen = result.filePaths[0];
        if (!result.canceled && chosen && isAbsolute(chosen)) folder = dirname(chosen);
        return result;
      },
    },
    current: () => folder,
  };
}
