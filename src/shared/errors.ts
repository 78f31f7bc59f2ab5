// Errors cross the IPC boundary as plain { code, message } objects: Electron
// does not carry custom Error fields, and the renderer must show the Dutch
// message as it is.

export type ErrorCode =
  | 'ongeldige_invoer' // input failed validation
  | 'niet_gevonden' // the record does not exist (any more)
  | 'conflict' // would break a rule (duplicate, still in use, …)
  | 'geannuleerd' // the user cancelled a dialog
  | 'database' // the database cannot be opened or written
  | 'module' // a module file cannot be used
  | 'schijf' // the disk refused a write (full, read-only, …)
  | 'intern'; // a bug: logged in main, generic message for the user

export interface AppErrorData {
  code: ErrorCode;
  message: string;
}

export class AppError extends Error implements AppErrorData {
  constructor(
    public readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toData(): AppErrorData {
    return { code: this.code, message: this.message };
  }
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

export function isAppErrorData(value: unknown): value is AppErrorData {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as AppErrorData).code === 'string' &&
    typeof (value as AppErrorData).message === 'string'
  );
}
