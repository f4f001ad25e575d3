/**
 * Control flow of the interpreter as exceptions: they unwind through the generators of nested
 * commands up to the construct that handles them (the loop for `break`, the function call for
 * `return`, the (sub)shell for `exit`).
 */

/** `exit N`, errexit, a fatal error: the (sub)shell ends with `code` (its EXIT trap still runs). */
export class ExitException {
  constructor(readonly code: number) {}
}

/** `exec PROGRAM`: the shell is replaced, so it ends with `code` and runs no EXIT trap. */
export class ExecException {
  constructor(readonly code: number) {}
}

export class BreakException {
  constructor(
    public levels: number,
    readonly kind: 'break' | 'continue',
  ) {}
}

export class ReturnException {
  constructor(readonly code: number) {}
}

/** The shell was killed by a signal it sent to itself (`kill $$` when it is not PID 1). */
export class KilledException {
  constructor(readonly signo: number) {}
}

/** An error a builtin reports in ash's format (`sh: cd: line 0: …`), with its exit status. */
export class BuiltinError extends Error {
  constructor(
    message: string,
    readonly status = 2,
  ) {
    super(message);
  }
}

/** A redirection that cannot be set up (`sh: can't create /x/y: nonexistent directory`). */
export class RedirectError extends Error {}
