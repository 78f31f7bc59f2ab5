// Result types the report draws, re-exported so the report code has one import.

export type { RunResults } from '../../shared/work-formats';
export type { WorkFormatType as WorkFormatTypeName } from '../../shared/module-format';
