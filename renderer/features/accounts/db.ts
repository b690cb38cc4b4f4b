/** The accounts' own writes beyond plain rows: exchange rates (keyed by currency). */
import { ExchangeRateSchema, validateEntity, type ExchangeRate } from '../../../shared/domain';
import type { ClearDayDatabase } from '../../db/database';

export async function saveExchangeRate(db: ClearDayDatabase, rate: ExchangeRate): Promise<void> {
  await db.exchangeRates.put(validateEntity('exchange rate', ExchangeRateSchema, rate));
}
