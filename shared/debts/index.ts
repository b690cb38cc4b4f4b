/** The debt side: what each debt owes and costs, its schedule, statements, dues and planner input. */
export * from './dues';
export * from './debt-summary';
export * from './rates';
export * from './loan-schedule';
export * from './statements';
export * from './planner-input';
