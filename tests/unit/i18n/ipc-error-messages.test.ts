/**
 * Every code an IPC channel's error can carry reaches the user as a sentence in both languages: a
 * code added to shared/ipc's list without its en and zh-CN text fails here.
 */
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { backupErrorMessage, ipcErrorKey, ipcErrorMessage } from '../../../renderer/features/backup/backup-messages';
import en from '../../../shared/i18n/locales/en.json';
import zhCN from '../../../shared/i18n/locales/zh-CN.json';
import { IPC_ERROR_CODES, codedMessage } from '../../../shared/ipc/errors';

async function translator(language: 'en' | 'zh-CN') {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { [language]: { translation: language === 'en' ? en : zhCN } },
    lng: language,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance.t;
}

describe.each(['en', 'zh-CN'] as const)('IPC error messages in %s', (language) => {
  it('have a sentence for every code of the list, with every placeholder filled', async () => {
    const t = await translator(language);
    expect(IPC_ERROR_CODES.length).toBeGreaterThan(10);
    for (const code of IPC_ERROR_CODES) {
      const sentence = ipcErrorMessage(t, code);
      expect(sentence.trim(), code).not.toBe('');
      // i18next answers a missing key with the key itself.
      expect(sentence, code).not.toBe(ipcErrorKey(code));
      expect(sentence, code).not.toMatch(/{{|}}/);
    }
  });

  it('say the size limit of a file or backup that is too large', async () => {
    const t = await translator(language);
    expect(ipcErrorMessage(t, 'file-too-large')).toContain('1 GB');
    expect(ipcErrorMessage(t, 'backup-too-large')).toContain('1 GB');
  });

  it('are what backupErrorMessage shows for an error Electron hands the renderer', async () => {
    const t = await translator(language);
    for (const code of IPC_ERROR_CODES) {
      const remote = new Error(`Error invoking remote method 'file:openBegin': Error: ${codedMessage(code, 'detail')}`);
      expect(backupErrorMessage(t, remote), code).toBe(ipcErrorMessage(t, code));
    }
  });
});
