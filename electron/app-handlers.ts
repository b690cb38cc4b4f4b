/** The app channels: facts about the running app, and the user's language for the tray. */
import type { IpcResponse, Language } from '../shared/ipc/contract';
import type { IpcHandlerSlice } from './ipc';

export interface AppHandlerDependencies {
  readonly appInfo: () => IpcResponse<'app:getInfo'>;
  /** The tray's menu follows the language chosen in the app. */
  readonly setLanguage: (language: Language) => void;
}

export function appHandlers(deps: AppHandlerDependencies): IpcHandlerSlice<'app:getInfo' | 'app:setLanguage'> {
  return {
    'app:getInfo': () => deps.appInfo(),
    'app:setLanguage': ({ language }) => {
      deps.setLanguage(language);
      return undefined;
    },
  };
}
