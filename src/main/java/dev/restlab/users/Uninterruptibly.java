package dev.restlab.users;

/** Waiting that an interrupt cannot cut short, for closes that must not leave a thread behind. */
final class Uninterruptibly {

    private Uninterruptibly() {
    }

    /**
     * Waits until {@code thread} has ended. An interrupt meanwhile does not stop the wait (a close
     * that returned early would let the store's file be closed under a running commit); it is
     * kept, and set again on the caller's thread once the wait is over.
     */
    static void join(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
