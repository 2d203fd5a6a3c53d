package dev.restlab.fault;

/** A fault rule that cannot be read, with the reason in words a teacher can act on. */
public final class FaultRuleException extends Exception {

    public FaultRuleException(String typed, String reason) {
        super("fault rule '" + typed.trim() + "': " + reason);
    }
}
