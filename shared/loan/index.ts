// The loan engine's public surface. Pure functions: terms in, schedule out; terms + dated transactions in,
// loan state out. Nothing here reads a clock, a file or a database — the caller passes every date in.
export * from './terms';
export * from './daycount';
export * from './schedule';
export * from './charges';
export * from './allocation';
export * from './transactions';
export * from './state';
export * from './replay';
export * from './restructure';
export * from './eligibility';
