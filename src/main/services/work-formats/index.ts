// Interactive work formats: pure logic per format (declaration, entries,
// results, timer) and the service that stores runs and entries.

export { checkDeclaration } from './declaration';
export { checkEntry, KINDS_BY_TYPE, type StoredEntry, type EntryContext } from './entries';
export { computeResults, tallies, distribution, borda } from './results';
export { timerState, applyTimer, IDLE_TIMER } from './timer';
export { createWorkFormatService, type WorkFormatService } from './service';
