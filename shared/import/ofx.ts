/**
 * OFX bank and credit-card statements: OFX 1.x SGML (a header of `KEY:VALUE` lines, then tags
 * whose leaf elements are not closed: `<TRNAMT>-42.17<FITID>CC01`) and OFX 2.x XML (every tag
 * closed). One small tokenizer reads both: a leaf's value is the text right after its tag, up to
 * the next tag; an aggregate ends at its own close tag, which also closes any leaves left open.
 *
 * The caller decodes the bytes (CHARSET 1252 is windows-1252, UTF-8 for XML); this module only
 * reads text. Every failure is an ImportParseError naming the line.
 */
import { isValidDate, formatDate } from '../finance/dates';
import { ImportParseError } from './errors';
import { currencyDigits, decimalToMinor } from './text';
import type { BillRow, ParsedBill } from './types';

// ---------------------------------------------------------------- tokens

type Token =
  | { type: 'open'; name: string; line: number; selfClosing: boolean }
  | { type: 'close'; name: string; line: number }
  | { type: 'text'; text: string; line: number };

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the XML entities and numeric references; anything unknown stays as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,6});/g, (whole: string, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      const valid = Number.isInteger(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
      return valid ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

function countLines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 10) count += 1;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) count += 1;
  }
  return count;
}

const TAG_NAME = /^[A-Za-z_][A-Za-z0-9_.:-]*/;
const ANGLE = /[<>]/g;

/**
 * Splits the body into tags and text. Processing instructions, comments and declarations are
 * skipped; a `<` that does not start a tag is kept as text. A tag cut off by the end of the file
 * is `truncated`.
 */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let pos = 0;
  let textStart = 0;
  const flushText = (end: number): void => {
    if (end > textStart) {
      const raw = text.slice(textStart, end);
      tokens.push({ type: 'text', text: raw, line: line - countLines(raw, 0, raw.length) });
    }
  };
  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    if (lt === -1) {
      line += countLines(text, pos, text.length);
      break;
    }
    line += countLines(text, pos, lt);
    const opening = text.slice(lt + 1, lt + 4);
    let skipTo = -1;
    if (opening.startsWith('?')) skipTo = endOf(text, '?>', lt, line);
    else if (opening.startsWith('!--')) skipTo = endOf(text, '-->', lt, line);
    else if (opening.startsWith('!')) skipTo = endOf(text, '>', lt, line);
    if (skipTo !== -1) {
      flushText(lt);
      line += countLines(text, lt, skipTo);
      pos = skipTo;
      textStart = pos;
      continue;
    }
    const closing = text.charAt(lt + 1) === '/';
    const nameStart = lt + (closing ? 2 : 1);
    const nameMatch = TAG_NAME.exec(text.slice(nameStart, nameStart + 64));
    if (!nameMatch) {
      // A stray "<" in text (SGML files should write &lt;): keep it as text.
      pos = lt + 1;
      continue;
    }
    ANGLE.lastIndex = nameStart;
    const stop = ANGLE.exec(text);
    if (stop === null) throw new ImportParseError('truncated', line, text.slice(lt, lt + 40));
    if (stop[0] === '<') {
      // "<NAME<" is not a tag either: go on from the next "<".
      line += countLines(text, lt, stop.index);
      pos = stop.index;
      continue;
    }
    const gt = stop.index;
    const inner = text.slice(nameStart, gt);
    flushText(lt);
    const tagLine = line;
    const name = nameMatch[0].toUpperCase();
    if (closing) tokens.push({ type: 'close', name, line: tagLine });
    else tokens.push({ type: 'open', name, line: tagLine, selfClosing: inner.endsWith('/') });
    line += countLines(text, lt, gt);
    pos = gt + 1;
    textStart = pos;
  }
  flushText(text.length);
  return tokens;
}

function endOf(text: string, terminator: string, start: number, line: number): number {
  const end = text.indexOf(terminator, start + 1);
  if (end === -1) throw new ImportParseError('truncated', line, text.slice(start, start + 40));
  return end + terminator.length;
}

// ---------------------------------------------------------------- elements

interface OpenElement {
  name: string;
  line: number;
  /** Text seen right after the tag: the element is a leaf with this value. */
  value?: string;
  valueLine: number;
}

interface TransactionFields {
  line: number;
  currency?: string;
  leaves: Map<string, { value: string; line: number }>;
}

const STATEMENT_AGGREGATES = new Set(['STMTRS', 'CCSTMTRS']);

/** Elements that hold other elements; text inside them (outside their children) is ignored. */
const AGGREGATES = new Set(['OFX', 'STMTTRN', 'BANKTRANLIST', 'BANKACCTFROM', 'CCACCTFROM', 'BANKACCTTO', 'CCACCTTO', 'PAYEE', 'STATUS', 'LEDGERBAL', 'AVAILBAL', 'CURRENCY', 'ORIGCURRENCY', 'FI']);

function isAggregate(name: string): boolean {
  return AGGREGATES.has(name) || /(?:RS|RQ|RSV\d|RQV\d)$/.test(name);
}

/** Leaves this parser reads: an empty one (`<MEMO><NAME>...`) still ends at the next tag. */
const LEAVES = new Set(['TRNTYPE', 'DTPOSTED', 'DTUSER', 'DTAVAIL', 'TRNAMT', 'FITID', 'NAME', 'MEMO', 'CHECKNUM', 'REFNUM', 'SIC', 'PAYEEID', 'CURDEF', 'ACCTID', 'BANKID', 'BRANCHID', 'ACCTTYPE', 'DTSTART', 'DTEND', 'BALAMT', 'DTASOF', 'CODE', 'SEVERITY', 'MESSAGE', 'DTSERVER', 'LANGUAGE', 'TRNUID']);

function readDateTime(value: string, line: number): { date: string; time?: string } {
  const match = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?(?:\.\d{1,6})?)?\s*(?:\[\s*[+-]?\d{1,2}(?:\.\d{1,2})?(?::[A-Za-z0-9_ +-]{0,32})?\])?$/.exec(value);
  if (!match) throw new ImportParseError('bad-date', line, value);
  const date = formatDate(Number(match[1]), Number(match[2]), Number(match[3]));
  if (!isValidDate(date)) throw new ImportParseError('bad-date', line, value);
  if (match[4] === undefined) return { date };
  const hours = Number(match[4]);
  const minutes = Number(match[5]);
  const seconds = Number(match[6] ?? '0');
  if (hours > 23 || minutes > 59 || seconds > 59) throw new ImportParseError('bad-date', line, value);
  return { date, time: `${match[4]}:${match[5]}:${match[6] ?? '00'}` };
}

function maskAccount(accountId: string): string | undefined {
  const compact = accountId.replace(/\s+/g, '');
  if (compact === '') return undefined;
  return `•••• ${compact.slice(-4)}`;
}

function isOfxHeader(text: string): boolean {
  const start = text.replace(/^[\s\ufeff]+/, '');
  return /^OFXHEADER\s*:/i.test(start) || /<\?OFX[\s?]/i.test(text.slice(0, 4096)) || /<OFX>/i.test(text);
}

/**
 * Reads an OFX statement file. Bank (STMTRS) and credit-card (CCSTMTRS) statements, any number
 * of STMTTRN each. Dates are the calendar date as written (the time zone bracket is dropped, not
 * applied). Throws `not-a-bill`, `truncated`, `bad-date`, `bad-amount` or `empty`.
 */
export function parseOfx(text: string): ParsedBill {
  if (typeof text !== 'string' || !isOfxHeader(text)) throw new ImportParseError('not-a-bill');
  const tokens = tokenize(text.startsWith('\ufeff') ? text.slice(1) : text);

  const stack: OpenElement[] = [];
  const transactions: TransactionFields[] = [];
  let current: TransactionFields | undefined;
  let sawOfx = false;
  let ofxClosed = false;
  let statementCurrency: string | undefined;
  let currency: string | undefined;
  let accountId: string | undefined;
  let periodStart: { value: string; line: number } | undefined;
  let periodEnd: { value: string; line: number } | undefined;
  let lastLine = 1;

  const parentOf = (depth: number): string | undefined => stack[depth - 1]?.name;

  /** A leaf element got its value: file it where it belongs. */
  const leaf = (element: OpenElement, depth: number): void => {
    const value = decodeEntities(element.value ?? '').trim();
    const parent = parentOf(depth);
    if (current !== undefined && stack.some((open) => open.name === 'STMTTRN')) {
      if (parent === 'STMTTRN' || (parent === 'PAYEE' && element.name === 'NAME')) {
        const key = parent === 'PAYEE' ? 'PAYEE.NAME' : element.name;
        if (!current.leaves.has(key)) current.leaves.set(key, { value, line: element.valueLine });
      }
      return;
    }
    if (element.name === 'CURDEF') {
      const code = value.toUpperCase();
      statementCurrency = /^[A-Z]{3}$/.test(code) ? code : undefined;
      if (currency === undefined) currency = statementCurrency;
    } else if (element.name === 'ACCTID' && (parent === 'BANKACCTFROM' || parent === 'CCACCTFROM') && accountId === undefined) {
      accountId = value;
    } else if (element.name === 'DTSTART' && parent === 'BANKTRANLIST' && periodStart === undefined) {
      periodStart = { value, line: element.valueLine };
    } else if (element.name === 'DTEND' && parent === 'BANKTRANLIST' && periodEnd === undefined) {
      periodEnd = { value, line: element.valueLine };
    }
  };

  /** Pops the top element, which is closed (explicitly or because something else began). */
  const pop = (closedBy: 'own' | 'other', line: number): void => {
    const element = stack.pop();
    if (element === undefined) return;
    if (element.value !== undefined) leaf(element, stack.length);
    if (element.name === 'STMTTRN') {
      if (closedBy !== 'own' || current === undefined) throw new ImportParseError('truncated', element.line, 'STMTTRN');
      transactions.push(current);
      current = undefined;
    }
    if (STATEMENT_AGGREGATES.has(element.name)) statementCurrency = undefined;
    lastLine = line;
  };

  for (const token of tokens) {
    lastLine = token.line;
    if (ofxClosed) break;
    if (token.type === 'text') {
      const top = stack[stack.length - 1];
      if (top === undefined) continue;
      const trimmed = token.text.trim();
      if (trimmed === '') continue;
      if (isAggregate(top.name)) continue;
      if (top.value === undefined) {
        top.value = token.text;
        top.valueLine = token.line + countLines(token.text, 0, token.text.length - token.text.trimStart().length);
      } else {
        top.value += token.text;
      }
      continue;
    }
    if (token.type === 'open') {
      // SGML: an open leaf ends where the next tag begins.
      const top = stack[stack.length - 1];
      if (top !== undefined && (top.value !== undefined || LEAVES.has(top.name))) pop('other', token.line);
      if (token.name === 'OFX') sawOfx = true;
      if (!sawOfx) continue;
      if (token.name === 'STMTTRN') {
        if (stack.some((open) => open.name === 'STMTTRN')) {
          const open = stack.find((element) => element.name === 'STMTTRN');
          throw new ImportParseError('truncated', open?.line ?? token.line, 'STMTTRN');
        }
        current = { line: token.line, currency: statementCurrency, leaves: new Map() };
      }
      const element: OpenElement = { name: token.name, line: token.line, valueLine: token.line };
      if (token.selfClosing) {
        element.value = '';
        stack.push(element);
        pop('own', token.line);
        continue;
      }
      stack.push(element);
      continue;
    }
    // close tag
    if (!stack.some((open) => open.name === token.name)) continue; // a stray close tag
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as OpenElement;
      if (top.name === token.name) {
        pop('own', token.line);
        break;
      }
      pop('other', token.line);
    }
    if (token.name === 'OFX') ofxClosed = true;
  }

  if (!sawOfx) throw new ImportParseError('truncated', lastLine, 'OFX');
  if (!ofxClosed) {
    const openTransaction = stack.find((element) => element.name === 'STMTTRN');
    throw new ImportParseError('truncated', openTransaction?.line ?? lastLine, openTransaction ? 'STMTTRN' : 'OFX');
  }

  const rows = transactions.map((fields) => toRow(fields, currency));
  if (rows.length === 0) throw new ImportParseError('empty', lastLine);

  const bill: ParsedBill = { format: 'ofx', rows };
  if (currency !== undefined) bill.currency = currency;
  if (accountId !== undefined) {
    const hint = maskAccount(accountId);
    if (hint !== undefined) bill.accountHint = hint;
  }
  if (periodStart !== undefined && periodEnd !== undefined) {
    bill.period = { start: readDateTime(periodStart.value, periodStart.line).date, end: readDateTime(periodEnd.value, periodEnd.line).date };
  }
  return bill;
}

function toRow(fields: TransactionFields, fileCurrency: string | undefined): BillRow {
  const get = (name: string): { value: string; line: number } | undefined => fields.leaves.get(name);
  const posted = get('DTPOSTED');
  if (posted === undefined || posted.value === '') throw new ImportParseError('bad-date', fields.line, 'DTPOSTED');
  const { date, time } = readDateTime(posted.value, posted.line);
  const currency = fields.currency ?? fileCurrency;
  const trnamt = get('TRNAMT');
  if (trnamt === undefined) throw new ImportParseError('bad-amount', fields.line, 'TRNAMT');
  const amount = decimalToMinor(trnamt.value, currencyDigits(currency));
  if (amount === undefined) throw new ImportParseError('bad-amount', trnamt.line, trnamt.value);

  const row: BillRow = {
    line: fields.line,
    date,
    amount,
    direction: amount < 0 ? 'out' : 'in',
    payee: get('NAME')?.value || get('PAYEE.NAME')?.value || '',
    description: get('MEMO')?.value ?? '',
    sourceCategory: get('TRNTYPE')?.value ?? '',
    closed: false,
    refund: false,
  };
  if (time !== undefined) row.time = time;
  if (currency !== undefined) row.currency = currency;
  const fitid = get('FITID')?.value;
  if (fitid) row.orderId = fitid;
  const checkNumber = get('CHECKNUM')?.value;
  if (checkNumber) row.note = `#${checkNumber}`;
  return row;
}
