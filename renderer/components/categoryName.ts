import type { Category } from '../../shared/domain';

export function categoryName(category: Category | undefined, t: (key: string) => string): string {
  if (!category) return t('transactions.uncategorized');
  return category.preset ? t(`category.${category.preset}`) : category.name;
}
