#ifndef AGORA_SIGNALS_H
#define AGORA_SIGNALS_H

/// Signal handling that Swift cannot do safely itself: a handler may only do async-signal-safe
/// work, so these handlers write the signal's number to a pipe (or note it) and return; the
/// program acts on it from its main loop.

/// Sends SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGALRM, SIGTERM, SIGTSTP, SIGCONT and SIGWINCH to `write_fd`
/// as one byte each (the signal number). SIGWINCH is passed on to the handler that was there
/// before (curses notices resizes through it). Returns 0, or -1 if an action could not be set.
int agora_signals_to_pipe(int write_fd);

/// Puts back the actions that were there before `agora_signals_to_pipe`.
void agora_signals_restore(void);

/// While a file is being put in place: SIGHUP, SIGINT, SIGQUIT and SIGTERM are noted rather than
/// acted on, so the write either completes or never starts.
void agora_signals_defer_begin(void);

/// Ends the deferral; a signal noted meanwhile is then delivered with its usual action (which
/// ends the program).
void agora_signals_defer_end(void);

/// True when a byte is a signal that ends the program (not SIGTSTP or SIGWINCH).
int agora_signal_is_fatal(int signal_number);

/// Stops the process as SIGTSTP's default action would, returning once it is continued.
void agora_stop_process(void);

/// The numbers Swift cannot import as constants on every platform.
int agora_sigtstp(void);
int agora_sigwinch(void);
int agora_sigcont(void);

#endif
