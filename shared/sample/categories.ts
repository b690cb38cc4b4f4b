/** The sample household's categories (the presets) and its monthly budgets. */
import type { Budget, Category } from '../domain/entities';
import { CATEGORY_PRESETS } from '../domain/presets';
import { CNY, type SampleContext } from './context';

export function buildCategories({ stamps }: SampleContext): Category[] {
  return CATEGORY_PRESETS.map((preset, index) => ({
    id: `cat-${preset.preset}`,
    preset: preset.preset,
    name: '',
    kind: preset.kind,
    group: preset.group,
    rollover: preset.preset === 'education' || preset.preset === 'medical',
    order: index,
    archived: false,
    ...stamps,
  }));
}

/** The budget of every spending category for `month`. */
export function buildMonthBudgets({ stamps }: SampleContext, month: string): Budget[] {
  const budgets: Budget[] = [];
  for (const [categoryId, amount] of [
    ['cat-food', 420_000],
    ['cat-transport', 110_000],
    ['cat-shopping', 300_000],
    ['cat-entertainment', 70_000],
    ['cat-medical', 50_000],
    ['cat-education', 180_000],
    ['cat-utilities', 90_000],
  ] as const) {
    budgets.push({ id: `budget-${month}-${categoryId}`, month, categoryId, amount, currency: CNY, ...stamps });
  }
  return budgets;
}
