#include "agora_signals.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

static volatile int pipe_fd = -1;
static const int piped[] = {SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGALRM, SIGTERM, SIGTSTP, SIGCONT, SIGWINCH};
enum { piped_count = sizeof piped / sizeof piped[0] };
static struct sigaction previous[piped_count];
static int installed = 0;

static void call_previous_winch(int number, siginfo_t *info, void *context) {
    for (int index = 0; index < piped_count; index++) {
        if (piped[index] != SIGWINCH) continue;
        const struct sigaction *old = &previous[index];
        if (old->sa_flags & SA_SIGINFO) {
            if (old->sa_sigaction) old->sa_sigaction(number, info, context);
        } else if (old->sa_handler != SIG_DFL && old->sa_handler != SIG_IGN && old->sa_handler) {
            old->sa_handler(number);
        }
    }
}

static void to_pipe(int number, siginfo_t *info, void *context) {
    int saved = errno;
    if (number == SIGWINCH) call_previous_winch(number, info, context);
    unsigned char byte = (unsigned char)number;
    if (pipe_fd >= 0) (void)write(pipe_fd, &byte, 1);
    errno = saved;
}

int agora_signals_to_pipe(int write_fd) {
    if (installed) agora_signals_restore();
    pipe_fd = write_fd;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = to_pipe;
    action.sa_flags = SA_SIGINFO | SA_RESTART;
    sigfillset(&action.sa_mask);
    int result = 0;
    for (int index = 0; index < piped_count; index++) {
        if (sigaction(piped[index], &action, &previous[index]) != 0) result = -1;
    }
    installed = 1;
    return result;
}

void agora_signals_restore(void) {
    if (!installed) return;
    for (int index = 0; index < piped_count; index++) sigaction(piped[index], &previous[index], NULL);
    installed = 0;
    pipe_fd = -1;
}

static const int deferred[] = {SIGHUP, SIGINT, SIGQUIT, SIGTERM};
enum { deferred_count = sizeof deferred / sizeof deferred[0] };
static struct sigaction before_deferral[deferred_count];
static volatile sig_atomic_t noted = 0;
static int deferring = 0;

static void note(int number) {
    if (!noted) noted = number;
}

void agora_signals_defer_begin(void) {
    if (deferring++) return;
    noted = 0;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = note;
    action.sa_flags = SA_RESTART;
    sigfillset(&action.sa_mask);
    for (int index = 0; index < deferred_count; index++) sigaction(deferred[index], &action, &before_deferral[index]);
}

void agora_signals_defer_end(void) {
    if (deferring == 0 || --deferring) return;
    for (int index = 0; index < deferred_count; index++) sigaction(deferred[index], &before_deferral[index], NULL);
    int number = noted;
    noted = 0;
    if (number) raise(number);
}

int agora_signal_is_fatal(int number) {
    return number == SIGHUP || number == SIGINT || number == SIGQUIT || number == SIGPIPE || number == SIGALRM
        || number == SIGTERM;
}

void agora_stop_process(void) {
    struct sigaction stop, saved;
    memset(&stop, 0, sizeof stop);
    stop.sa_handler = SIG_DFL;
    sigemptyset(&stop.sa_mask);
    sigaction(SIGTSTP, &stop, &saved);
    sigset_t only, old;
    sigemptyset(&only);
    sigaddset(&only, SIGTSTP);
    pthread_sigmask(SIG_UNBLOCK, &only, &old);
    raise(SIGTSTP);
    // Continued (SIGCONT): the handler that was there comes back.
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    sigaction(SIGTSTP, &saved, NULL);
}

int agora_sigtstp(void) { return SIGTSTP; }
int agora_sigwinch(void) { return SIGWINCH; }
int agora_sigcont(void) { return SIGCONT; }
