/**
 * useRecordForm's pure part (renderer/components/form/record-form.ts): the state a record form
 * shows besides its fields, what each outcome of a save does to it, and which refused writes the
 * form answers itself. The hook is this reducer and submitRecord wired to useReducer; the form
 * below is the same wiring without React, saving institutions to a real (fake-indexeddb) database.
 */
import i18next, { type TFunction } from 'i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import en from '../../../shared/i18n/locales/en.json';
import { DomainValidationError, type FieldError, type Institution } from '../../../shared/domain';
import type { ClearDayDatabase } from '../../../renderer/db/database';
import { createRepositories } from '../../../renderer/db/repositories';
import { EditConflictError } from '../../../renderer/db/repository';
import {
  draftSetters,
  initialRecordForm,
  invalid,
  messagesOf,
  recordFormReducer,
  refusalOf,
  submitRecord,
  type RecordFormAction,
  type RecordFormOptions,
  type RecordFormState,
} from '../../../renderer/components/form/record-form';
import { fakeClock, freshDatabase } from '../db/helpers';

let t: TFunction;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false } });
  t = i18n.t.bind(i18n);
});

const EDIT_CONFLICT = 'While you were editing, this item was changed elsewhere (another window or tab) in the same fields. Nothing was saved: cancel, open it again to see the change, and redo your edit.';

interface Draft {
  name: string;
  amount: string;
  tags: string[];
}
const DRAFT: Draft = { name: 'Rent', amount: '3,000', tags: ['home'] };

/** The hook without React: the state, the actions dispatched to it in order, and its save. */
function harness<D, S>(options: RecordFormOptions<D, S>) {
  const form = { state: initialRecordForm(options.initial), actions: [] as RecordFormAction<D>[] };
  const dispatch = (action: RecordFormAction<D>) => {
    form.actions.push(action);
    form.state = recordFormReducer(form.state, action);
  };
  return Object.assign(form, { ...draftSetters(dispatch), save: () => submitRecord(form.state.draft, options, t, dispatch) });
}

describe('the record form state', () => {
  const filled: RecordFormState<Draft> = { draft: DRAFT, errors: { amount: 'Amount is required.' }, problem: 'Changed elsewhere.', status: 'Saved.' };

  it('opens with the draft and nothing to say', () => {
    expect(initialRecordForm(DRAFT)).toEqual({ draft: DRAFT, errors: {}, problem: '', status: '' });
  });

  it('an edit changes the draft from its current value and nothing else', () => {
    const next = recordFormReducer(filled, { type: 'edit', change: (d) => ({ ...d, name: 'Water' }) });
    expect(next).toEqual({ ...filled, draft: { ...DRAFT, name: 'Water' } });
    expect(filled.draft.name).toBe('Rent');
  });

  it('failed checks replace the field messages and leave the alert line, the status line and the draft', () => {
    expect(recordFormReducer(filled, { type: 'invalid', errors: { name: 'Name is required.' } })).toEqual({ ...filled, errors: { name: 'Name is required.' } });
  });

  it('a conflict sets the alert line and leaves the field messages as they were', () => {
    expect(recordFormReducer(filled, { type: 'conflict', problem: EDIT_CONFLICT })).toEqual({ ...filled, problem: EDIT_CONFLICT });
  });

  it('a save clears the field messages and the alert line, may start the draft over, and sets the status line', () => {
    expect(recordFormReducer(filled, { type: 'saved' })).toEqual({ draft: DRAFT, errors: {}, problem: '', status: '' });
    const next = recordFormReducer(filled, { type: 'saved', next: (d) => ({ ...d, amount: '' }), status: 'Statement saved.' });
    expect(next).toEqual({ draft: { ...DRAFT, amount: '' }, errors: {}, problem: '', status: 'Statement saved.' });
  });

  it('the setters merge fields, set one field or change the draft from its current value', () => {
    const form = harness<Draft, void>({ initial: DRAFT, write: () => undefined });
    form.set({ name: 'Water' });
    form.setter('amount')('120');
    form.update((d) => ({ ...d, tags: [...d.tags, 'bills'] }));
    form.update((d) => ({ ...d, tags: [...d.tags, 'monthly'] }));
    expect(form.state.draft).toEqual({ name: 'Water', amount: '120', tags: ['home', 'bills', 'monthly'] });
    expect(form.state.errors).toEqual({});
  });
});

describe('messages from failed checks and refused writes', () => {
  const label = (field: string) => ({ name: 'Name', 'terms.principal': 'Principal' })[field] ?? field;

  it('messages already in words are kept as they are', () => {
    expect(messagesOf({ amount: 'Amount must be more than zero.' }, t, label)).toEqual({ amount: 'Amount must be more than zero.' });
  });

  it('field errors are put in words with the field label, the first error of each field only', () => {
    const errors: FieldError[] = [
      { field: 'name', code: 'required' },
      { field: 'terms.principal', code: 'too_big', params: { maximum: 10 } },
      { field: 'name', code: 'invalid' },
    ];
    expect(messagesOf(errors, t, label)).toEqual({ name: 'Name is required.', 'terms.principal': 'Principal must be at most 10.' });
  });

  it('an edit conflict becomes the alert line in words', () => {
    expect(refusalOf(new EditConflictError('institution', 'i1', ['name']), t, label)).toEqual({ type: 'conflict', problem: EDIT_CONFLICT });
  });

  it('a validation error becomes field messages, reworded where the form says so', () => {
    const error = new DomainValidationError('transaction', [
      { field: 'name', code: 'required' },
      { field: 'splits', code: 'invalid' },
    ]);
    expect(refusalOf(error, t, label)).toEqual({ type: 'invalid', errors: { name: 'Name is required.', splits: 'splits is not valid.' } });
    const reword = (messages: Record<string, string>) => ({ ...messages, splits: 'The parts must add up.' });
    expect(refusalOf(error, t, label, reword)).toEqual({ type: 'invalid', errors: { name: 'Name is required.', splits: 'The parts must add up.' } });
  });

  it('anything else is not the form’s to answer', () => {
    expect(refusalOf(new DOMException('The quota has been exceeded.', 'QuotaExceededError'), t, label)).toBeUndefined();
    expect(refusalOf(new Error('boom'), t, label)).toBeUndefined();
    expect(refusalOf('a string', t, label)).toBeUndefined();
  });
});

describe('one save (submitRecord)', () => {
  it('failed checks write nothing, show their messages, and do not count as a save', async () => {
    const onSaved = vi.fn();
    const write = vi.fn(() => invalid({ amount: 'Amount is required.' }));
    const form = harness<Draft, void>({ initial: DRAFT, write, onSaved });
    await form.save();
    expect(write).toHaveBeenCalledWith(DRAFT);
    expect(onSaved).not.toHaveBeenCalled();
    expect(form.state).toEqual({ draft: DRAFT, errors: { amount: 'Amount is required.' }, problem: '', status: '' });
  });

  it('field errors from the draft’s conversion are translated with the form’s labels', async () => {
    const form = harness<Draft, void>({ initial: DRAFT, fieldLabel: (field) => `«${field}»`, write: () => invalid([{ field: 'terms.rate', code: 'percent' }]) });
    await form.save();
    expect(form.state.errors).toEqual({ 'terms.rate': '«terms.rate» must be a percentage such as 4.9.' });
  });

  it('without fieldLabel a field is named by its own name', async () => {
    const form = harness<Draft, void>({ initial: DRAFT, write: () => invalid([{ field: 'amount', code: 'required' }]) });
    await form.save();
    expect(form.state.errors).toEqual({ amount: 'amount is required.' });
  });

  it('a save hands what was saved and the submitted draft to onSaved, then clears the messages and starts over as told', async () => {
    const onSaved = vi.fn((saved: number, draft: Draft) => ({ next: (d: Draft) => ({ ...d, amount: '' }), status: `Saved ${saved} for ${draft.name}.` }));
    let check = true;
    const form = harness<Draft, number>({ initial: DRAFT, write: async () => (check ? invalid({ amount: 'Too much.' }) : 300000), onSaved });
    await form.save();
    expect(form.state.errors).toEqual({ amount: 'Too much.' });
    check = false;
    await form.save();
    expect(onSaved).toHaveBeenCalledWith(300000, DRAFT);
    expect(form.state).toEqual({ draft: { ...DRAFT, amount: '' }, errors: {}, problem: '', status: 'Saved 300000 for Rent.' });
  });

  it('the draft saved is the one submitted, even when the user types on while it is written', async () => {
    let finish: (value: string) => void = () => undefined;
    const form = harness<Draft, string>({ initial: DRAFT, write: (draft) => new Promise<string>((resolve) => (finish = () => resolve(draft.name))), onSaved: (saved) => ({ status: saved }) });
    const saving = form.save();
    form.set({ name: 'Water' });
    finish('');
    await saving;
    expect(form.state.status).toBe('Rent');
    // Starting over applies to the draft as it is then: the typing is not lost unless the form says so.
    expect(form.state.draft.name).toBe('Water');
  });

  it('a write that throws a conflict or a validation error is answered; the messages of the last attempt stay until a save', async () => {
    let error: unknown = new DomainValidationError('account', [{ field: 'openingBalance', code: 'too_large' }]);
    const form = harness<Draft, void>({
      initial: DRAFT,
      fieldLabel: (field) => (field === 'openingBalance' ? 'Opening balance' : field),
      write: () => {
        throw error;
      },
    });
    await form.save();
    expect(form.state.errors).toEqual({ openingBalance: 'Opening balance is too large.' });
    error = new EditConflictError('account', 'a1', ['name']);
    await form.save();
    expect(form.state).toEqual({ draft: DRAFT, errors: { openingBalance: 'Opening balance is too large.' }, problem: EDIT_CONFLICT, status: '' });
    expect(form.actions.map((action) => action.type)).toEqual(['invalid', 'conflict']);
  });

  it('any other error is rethrown and changes nothing: a full disk reaches the storage banner', async () => {
    const full = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const onSaved = vi.fn();
    const form = harness<Draft, void>({
      initial: DRAFT,
      write: async () => {
        throw full;
      },
      onSaved,
    });
    await expect(form.save()).rejects.toBe(full);
    expect(form.actions).toEqual([]);
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('what follows a save is not taken for a refused write', async () => {
    const form = harness<Draft, void>({
      initial: DRAFT,
      write: () => undefined,
      onSaved: () => {
        throw new DomainValidationError('navigation', [{ field: 'name', code: 'required' }]);
      },
    });
    await expect(form.save()).rejects.toBeInstanceOf(DomainValidationError);
    expect(form.actions).toEqual([]);
  });

  it('a synchronous write (a plan kept in memory) is run at once', async () => {
    const added: string[] = [];
    const form = harness<Draft, void>({ initial: DRAFT, write: (draft) => void added.push(draft.name), onSaved: () => ({ next: (d) => ({ ...d, name: '' }) }) });
    const saving = form.save();
    expect(added).toEqual(['Rent']);
    await saving;
    expect(form.state.draft.name).toBe('');
  });
});

describe('an edit form over the real repositories', () => {
  let db: ClearDayDatabase;
  afterEach(() => db?.close());

  type InstitutionDraft = Pick<Institution, 'name' | 'kind' | 'color' | 'archived'>;
  const strip = ({ id: _id, createdAt: _c, updatedAt: _u, preset: _p, note: _n, ...rest }: Institution): InstitutionDraft => rest;

  it('says a conflict in words, names a refused field by its label, and closes on a save', async () => {
    db = freshDatabase();
    const repositories = createRepositories(db, fakeClock());
    const base = await repositories.institutions.add({ name: 'CMB', kind: 'bank', color: '#d6001c', archived: false });
    const done = vi.fn();
    const form = harness<InstitutionDraft, Institution>({
      initial: strip(base),
      fieldLabel: (field) => t(`institutions.field.${field}`),
      write: (draft) => repositories.institutions.saveEdit(base.id, draft, base),
      onSaved: (saved) => done(saved.name),
    });
    // Another window renames it while this form is open; this form renames it too.
    await repositories.institutions.update(base.id, { name: 'CMB (Shenzhen)' });
    form.set({ name: 'CMB credit' });
    await form.save();
    expect(form.state.problem).toBe(EDIT_CONFLICT);
    expect(done).not.toHaveBeenCalled();
    // Back to the name it opened with, and a colour the schema refuses.
    form.set({ name: 'CMB', color: 'red' });
    await form.save();
    expect(form.state.errors).toEqual({ color: 'Colour must be a colour such as #1677ff.' });
    form.set({ color: '#000000' });
    await form.save();
    expect(done).toHaveBeenCalledWith('CMB (Shenzhen)');
    expect(form.state).toMatchObject({ errors: {}, problem: '' });
    expect(await db.institutions.get(base.id)).toMatchObject({ name: 'CMB (Shenzhen)', color: '#000000' });
  });
});
