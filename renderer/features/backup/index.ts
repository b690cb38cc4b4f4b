/** Backups: automatic and manual backup files, restore with a safety copy, the start-up restore. */
import type { FeatureRoute } from '../../app/routes';
import type { ComponentType } from 'react';

export const routes: FeatureRoute[] = [];
export { useAutomaticBackups } from './auto-backup';
/** Reading and restoring a backup file: loaded on use, so start-up never parses the backup reader. */
export const loadBackupReader = () =>
  Promise.all([import('./db'), import('./backup-messages')]).then(([{ checkBackup, replaceAllData }, { backupErrorMessage }]) => ({ checkBackup, replaceAllData, backupErrorMessage }));
/** The settings page's backup section, loaded with that page's own chunk. */
export const loadBackupSection = (): Promise<ComponentType> => import('./BackupSection').then((m) => m.BackupSection);
