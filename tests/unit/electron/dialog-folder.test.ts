import { describe, expect, it, vi } from 'vitest';
import { withStartFolder } from '../../../electron/dialog-folder';

function fakeDialogs(answers: { save?: string; open?: string }) {
  return {
    showSaveDialog: vi.fn(async (_options: { defaultPath: string; filters: { name: string; extensions: string[] }[] }) =>
      answers.save ? { canceled: false, filePath: answers.save } : { canceled: true },
    ),
    showOpenDialog: vi.fn(async (_options: { filters: { name: string; extensions: string[] }[]; properties: ['openFile']; defaultPath?: string }) =>
      answers.open ? { canceled: false, filePaths: [answers.open] } : { canceled: true, filePaths: [] },
    ),
  };
}

describe('dialogs start in an absolute folder (Electron 43 defaults to Downloads, bare names resolve against the working directory)', () => {
  it('a save dialog gets the suggested name inside the start folder, never a bare name', async () => {
    const raw = fakeDialogs({ save: '/home/ana/Documents/export.csv' });
    const { dialogs, current } = withStartFolder(raw, '/home/ana/Downloads');
    await dialogs.showSaveDialog({ defaultPath: 'clearday-transactions.csv', filters: [] });
    expect(raw.showSaveDialog).toHaveBeenCalledWith({ defaultPath: '/home/ana/Downloads/clearday-transactions.csv', filters: [] });
    // The folder the user picked is where the next dialog starts.
    expect(current()).toBe('/home/ana/Documents');
    await dialogs.showOpenDialog({ filters: [], properties: ['openFile'] });
    expect(raw.showOpenDialog).toHaveBeenCalledWith({ filters: [], properties: ['openFile'], defaultPath: '/home/ana/Documents' });
  });

  it('an open dialog starts in Downloads, then where the last file came from; a cancel changes nothing', async () => {
    const raw = fakeDialogs({ open: '/media/usb/bills/alipay.csv' });
    const { dialogs, current } = withStartFolder(raw, '/home/ana/Downloads');
    await dialogs.showOpenDialog({ filters: [], properties: ['openFile'] });
    expect(raw.showOpenDialog.mock.calls[0]?.[0].defaultPath).toBe('/home/ana/Downloads');
    expect(current()).toBe('/media/usb/bills');
    const cancelled = fakeDialogs({});
    const second = withStartFolder(cancelled, '/home/ana/Downloads');
    await second.dialogs.showSaveDialog({ defaultPath: 'a.ics', filters: [] });
    await second.dialogs.showOpenDialog({ filters: [], properties: ['openFile'] });
    expect(second.current()).toBe('/home/ana/Downloads');
  });

  it('an absolute default path is kept as given', async () => {
    const raw = fakeDialogs({});
    const { dialogs } = withStartFolder(raw, '/home/ana/Downloads');
    await dialogs.showSaveDialog({ defaultPath: '/tmp/x.csv', filters: [] });
    expect(raw.showSaveDialog.mock.calls[0]?.[0].defaultPath).toBe('/tmp/x.csv');
  });
});
