/** The interface languages, each named in itself so it can be found whatever is shown now. */
export const LANGUAGE_OPTIONS: { value: 'zh-CN' | 'en'; label: string }[] = [
  { value: 'zh-CN', label: '简体中文' },
  { value: 'en', label: 'English' },
];
