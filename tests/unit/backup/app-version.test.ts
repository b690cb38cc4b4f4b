import { describe, expect, it } from 'vitest';
import { compareVersions, createBackup, readBackup } from '../../../shared/backup';
import { expectCode, input, webCrypto } from './helpers';

describe('the app version of a backup', () => {
  it('compares dotted versions by their numbers', () => {
    expect(compareVersions('0.10.0', '0.9.9')).toBe(1);
    expect(compareVersions('1.0', '1.0.0')).toBe(0);
    expect(compareVersions('1.2.3-beta.1', '1.2.3')).toBe(0);
    expect(compareVersions('0.1.0', '0.2.0')).toBe(-1);
  });

  it('a backup made by a newer app is refused; by the same or an older one it is read', async () => {
    const text = await createBackup({ ...input(), appVersion: '0.3.0' }, webCrypto);
    await expectCode(() => readBackup(text, webCrypto, { currentSchemaVersion: 1, currentAppVersion: '0.2.9' }), 'newer-version', 'app:0.3.0');
    await expect(readBackup(text, webCrypto, { currentSchemaVersion: 1, currentAppVersion: '0.3.0' })).resolves.toBeDefined();
    await expect(readBackup(text, webCrypto, { currentSchemaVersion: 1, currentAppVersion: '1.0.0' })).resolves.toBeDefined();
  });
});
